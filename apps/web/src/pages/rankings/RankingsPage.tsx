import type { ReactNode } from 'react';

export function RankingsPage(): ReactNode {
  return null;
}
