// The curriculum as the server sends it (/api/curriculum/…).
export interface CurriculumVersion { id: string; name: string; label: string; validFrom: string; current: boolean }
export interface SyllabusRef { id: string; code: string; designation: string | null; name: string; subjectCodes: string[] }
export interface Requirement { id: string; paragraph: number; text: string; choices: Record<string, string> }
export interface ContentHeading { heading: string; items: { id: string; text: string }[] }
export interface Stage { id: string; code: string; name: string; yearFrom: number; yearTo: number; content: ContentHeading[]; requirements: Requirement[] }
export interface Syllabus {
  id: string; code: string; designation: string | null; name: string; versionId: string; versionLabel: string; description: string | null;
  purposes: { heading: string; lines: string[] }[]; stages: Stage[];
}
