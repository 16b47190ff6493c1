/**
 * A horizontal stacked bar per row, drawn as SVG for the eye, with the same numbers as a table for
 * screen readers (the SVG is hidden from them: the table says everything it shows).
 */
export interface BarPart {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly color: string;
}

export interface BarRow {
  readonly name: string;
  readonly parts: readonly BarPart[];
}

const ROW = 26;
const NAME_WIDTH = 110;
const BAR_WIDTH = 460;

export function StackedBars({ title, rows, legend, rowHeader }: { title: string; rows: readonly BarRow[]; legend: readonly Omit<BarPart, 'value'>[]; rowHeader: string }) {
  const total = Math.max(1, ...rows.map((row) => row.parts.reduce((sum, part) => sum + part.value, 0)));
  const height = rows.length * ROW + 4;
  return (
    <figure className="stacked-bars">
      <figcaption>{title}</figcaption>
      <ul className="chart-legend" aria-hidden="true">
        {legend.map((part) => (
          <li key={part.key}>
            <span className="legend-swatch" style={{ background: part.color }} />
            {part.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${NAME_WIDTH + BAR_WIDTH + 60} ${height}`} width="100%" style={{ maxWidth: `${NAME_WIDTH + BAR_WIDTH + 60}px` }} aria-hidden="true" focusable="false">
        {rows.map((row, index) => {
          let x = NAME_WIDTH;
          const sum = row.parts.reduce((acc, part) => acc + part.value, 0);
          return (
            <g key={row.name} transform={`translate(0 ${index * ROW + 2})`}>
              <text x={NAME_WIDTH - 8} y={ROW / 2 + 4} textAnchor="end" fontSize="12" fill="currentColor">
                {row.name.length > 14 ? `${row.name.slice(0, 13)}…` : row.name}
              </text>
              {row.parts.map((part) => {
                const width = (part.value / total) * BAR_WIDTH;
                const rect = width > 0 ? <rect key={part.key} x={x} y={3} width={width} height={ROW - 8} fill={part.color} /> : null;
                x += width;
                return rect;
              })}
              <text x={x + 6} y={ROW / 2 + 4} fontSize="12" fill="currentColor">
                {sum}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {legend.map((part) => (
              <th key={part.key} scope="col">
                {part.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              {legend.map((part) => (
                <td key={part.key}>{row.parts.find((candidate) => candidate.key === part.key)?.value ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
