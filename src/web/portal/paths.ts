export const childPath = (pupilId: string) => `/barn/${encodeURIComponent(pupilId)}`;
export const MY_PAGE_PATH = '/mitt';
export const absencePath = (pupilId: string) => `/elever/${encodeURIComponent(pupilId)}/franvaro`;
export const reportAbsencePath = (pupilId: string) => `/anmal-franvaro?pupilId=${encodeURIComponent(pupilId)}`;
export const leavePath = (pupilId: string) => `/ledighet?pupilId=${encodeURIComponent(pupilId)}`;
