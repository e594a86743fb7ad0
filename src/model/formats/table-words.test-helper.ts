// The Markdown table's words as the app's catalogs give them (src/i18n/table-words.test.ts checks), for the exporters'
// tests.
import type { TableWords } from './markdown';

export const ENGLISH_TABLE: TableWords = {
  heading: (title) => `${title}: timeline (All times UTC)`,
  columns: {
    time: 'Time (UTC)',
    title: 'Event',
    phase: 'Phase',
    actor: 'Actor',
    systems: 'Systems',
    outcome: 'Outcome',
  },
  outcomes: { succeeded: 'Succeeded', failed: 'Failed', unknown: 'Unknown' },
};

export const CHINESE_TABLE: TableWords = {
  heading: (title) => `${title}:時間軸(所有時間均為 UTC)`,
  columns: {
    time: '時間 (UTC)',
    title: '事件',
    phase: '階段',
    actor: '行為者',
    systems: '系統',
    outcome: '結果',
  },
  outcomes: { succeeded: '成功', failed: '失敗', unknown: '不明' },
};
