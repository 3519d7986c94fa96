import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title to "<page> – Lärka". */
export function useDocumentTitle(page: string | null | undefined): void {
  const { t } = useTranslation();
  const product = t('app.productName');
  useEffect(() => {
    document.title = page ? `${page} – ${product}` : product;
  }, [page, product]);
}
