import type { ReactNode } from 'react';

export function ReportsPage(): ReactNode {
  return null;
}
