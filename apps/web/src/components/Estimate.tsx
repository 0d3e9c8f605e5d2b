import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** "(ước)" after a figure that is an estimate, with its meaning on hover and for screen readers. */
export function EstimateMark({ estimate }: { estimate: boolean }): ReactNode {
  const { t } = useTranslation();
  if (!estimate) return null;
  return (
    <abbr className="estimate-mark" title={t('plan.estimateTitle')}>
      ({t('plan.estimate')})
    </abbr>
  );
}
