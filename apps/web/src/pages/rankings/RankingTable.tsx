import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type RankingTableRow, rankText } from './ranking-rows';

/**
 * The ranking as a table (the chart's alternative): shared ranks marked "=" and "đồng hạng", units
 * without a figure last as "Chưa xếp hạng", with a note saying why.
 */
export function RankingTable({ rows, caption }: { rows: RankingTableRow[]; caption: string }): ReactNode {
  const { t } = useTranslation();
  const unranked = rows.filter((r) => r.rank == null).length;
  return (
    <>
      <Table<RankingTableRow>
        size="small"
        rowKey="unit"
        pagination={false}
        dataSource={rows}
        data-testid="ranking-table"
        aria-label={caption}
        columns={[
          {
            title: t('rankings.rank'),
            dataIndex: 'rank',
            width: 120,
            render: (_: unknown, r: RankingTableRow) =>
              r.rank == null ? (
                <Tag>{t('rankings.unranked')}</Tag>
              ) : (
                <span data-rank={r.rank}>
                  <strong>{rankText(r)}</strong>
                  {r.tied && <span className="tie-note"> ({t('rankings.tie')})</span>}
                </span>
              ),
          },
          { title: t('rankings.unit'), dataIndex: 'name' },
          { title: t('rankings.value'), dataIndex: 'valueText', align: 'right' },
        ]}
      />
      {unranked > 0 && <p className="chart-note">{t('rankings.unrankedNote', { count: unranked })}</p>}
    </>
  );
}
