import type { ReactNode } from 'react';

export function TargetsPage(): ReactNode {
  return null;
}
