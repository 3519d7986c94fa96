export const adaptationsPath = (pupilId: string) => `/elever/${encodeURIComponent(pupilId)}/extra-anpassningar`;
