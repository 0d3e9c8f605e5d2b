import type { ReactNode } from 'react';

export function ProvincePage(): ReactNode {
  return null;
}
