export type TalkStatus = 'planned' | 'held';
export type FollowUpOutcome = 'met' | 'partly' | 'not_met';
export interface TalkGoal { id: string; goal: string; pupilDoes: string; schoolDoes: string; homeDoes: string }
export interface TalkFollowUp { goalId: string; talkId: string; talkHeldOn: string; goal: string; pupilDoes: string; schoolDoes: string; homeDoes: string; outcome: FollowUpOutcome | null; note: string | null }
export interface Talk {
  id: string; pupilId: string; heldOn: string; status: TalkStatus; participants: string; summary: string; sharedAt: string | null; createdBy: string; version: number;
  pupil: { id: string; givenName: string; familyName: string; className: string | null };
  subjects: { code: string; name: string; comments: { teacherId: string; teacher: string; comment: string; updatedAt: string }[] }[];
  goals: TalkGoal[]; followUps: TalkFollowUp[]; mayEdit: boolean; mayComment: string[];
}
export interface TalkList {
  pupil: { id: string; givenName: string; familyName: string; className: string | null }; today: string; mayPlan: boolean;
  talks: { id: string; heldOn: string; status: TalkStatus; sharedAt: string | null; createdBy: string }[]; shared: Talk[];
}
export interface Preparation {
  today: string; missing: number;
  talks: { talkId: string; pupilId: string; givenName: string; familyName: string; className: string | null; heldOn: string; subjects: { code: string; name: string; commented: boolean }[] }[];
}
export interface TalkClasses {
  from: string | null; to: string | null;
  classes: { id: string; name: string; pupils: { pupilId: string; givenName: string; familyName: string; talkId: string | null; heldOn: string | null; status: TalkStatus | null; shared: boolean | null }[] }[];
}
