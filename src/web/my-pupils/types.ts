// "Mina elever" as the server sends it (GET /api/my-pupils, /api/my-pupils/groups).
import type { MyPupilColumn, MyPupilRow } from '../../domain/pupils/my-pupils';

export type { MyPupilColumn, MyPupilRow };
export type GroupType = 'class' | 'teaching' | 'mentor';

export interface GroupOption { id: string; name: string; type: GroupType; subjectCode: string | null; pupils: number }
export interface MyGroups { unit: { id: string; name: string } | null; groups: GroupOption[] }

export interface MyPupilList {
  columns: MyPupilColumn[];
  group: { id: string; name: string; type: string } | null;
  total: number;
  pupils: MyPupilRow[];
}

/** What is shown: the group (none = all), the search text and the columns. */
export interface ListParams { groupId: string | null; q: string; columns: MyPupilColumn[] }
