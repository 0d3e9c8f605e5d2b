import type { ReactNode } from 'react';

export function ProgramsPage(): ReactNode {
  return null;
}
