import type { ReactNode } from 'react';

export function TargetPage(): ReactNode {
  return null;
}
