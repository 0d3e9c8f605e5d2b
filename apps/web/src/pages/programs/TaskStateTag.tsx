import {
  CheckCircleFilled,
  ClockCircleFilled,
  MinusCircleOutlined,
  StopOutlined,
  SyncOutlined,
  WarningFilled,
} from '@ant-design/icons';
import type { TaskState } from '@chitieu/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AA } from '../../theme/bands';

const LOOK: Record<TaskState, { color: string; icon: ReactNode }> = {
  done: { color: AA.green, icon: <CheckCircleFilled aria-hidden /> },
  overdue: { color: AA.red, icon: <WarningFilled aria-hidden /> },
  behind: { color: AA.amber, icon: <ClockCircleFilled aria-hidden /> },
  'in-progress': { color: AA.blue, icon: <SyncOutlined aria-hidden /> },
  'not-started': { color: AA.grey, icon: <MinusCircleOutlined aria-hidden /> },
  cancelled: { color: AA.grey, icon: <StopOutlined aria-hidden /> },
};

/** A task's state in words with its own icon and an AA colour: overdue never rests on red alone. */
export function TaskStateTag({ state }: { state: TaskState }): ReactNode {
  const { t } = useTranslation();
  const { color, icon } = LOOK[state];
  return (
    <span className="color-tag" style={{ color, borderColor: color }} data-state={state}>
      {icon}
      <span>{t(`programs.taskState.${state}`)}</span>
    </span>
  );
}
