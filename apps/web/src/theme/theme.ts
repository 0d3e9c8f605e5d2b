import type { ThemeConfig } from 'antd';
import { AA } from './bands';

/**
 * Ant Design tokens adjusted for WCAG AA: the default primary blue (#1677ff, 4,0:1), success and warning
 * colours, and the secondary/placeholder greys (0,45 alpha ≈ 3,4:1) are too light for text on white.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorSuccess: AA.green,
    colorWarning: AA.amber,
    colorError: AA.red,
    colorInfo: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
    colorTextDescription: 'rgba(0, 0, 0, 0.64)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif",
  },
  components: { Layout: { headerBg: '#0b2e4f', headerPadding: '0 24px' } },
};
