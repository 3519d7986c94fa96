export const gradeRegisterPath = (groupId: string) => `/betyg/grupp/${encodeURIComponent(groupId)}`;
