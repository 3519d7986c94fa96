// Names and labels of "Mina elever" shared by the page and its print view.
import type { TFunction } from 'i18next';
import type { MyPupilColumn, MyPupilRow } from './types';

export const columnLabel = (t: TFunction, c: MyPupilColumn) => t(`myPupils.columns.${c}`);
/** Family name first, as Swedish class lists are written. */
export const fullName = (p: Pick<MyPupilRow, 'givenName' | 'familyName'>) => `${p.familyName}, ${p.givenName}`;
