export interface UnitBackgroundRow {
  unitId: string; unitName: string; unitCode: string; schoolYear: string; parentsEducation: number | null; foreignBackgroundShare: number | null;
  boysShare: number | null; newlyArrivedShare: number | null; source: string; importedOn: string;
}
export interface ReferenceFigure {
  measure: string; subjectCode?: string; gradeYear: number; schoolYear: string; value: number; girls?: number; boys?: number; source: string;
}
export interface Reference {
  file: { name: string; updated: string; note?: string; figures: ReferenceFigure[] };
  origin: 'shipped' | 'uploaded';
  uploaded: { on: string; by: string } | null;
}
export interface ReferenceIssue { path: string; message: string }
