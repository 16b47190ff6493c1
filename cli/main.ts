/**
 * `spanwright`: the command line. Shares src/formats (every reader and writer) and src/review
 * (agreement) with the app, so a file converted here is the file the browser exports.
 */
import { parseArgs } from 'node:util';
import { agreement, convert, split, stats, UsageError, validate, type Io } from './commands';

export const USAGE = `Usage: spanwright <command> [options]

  convert IN --to FORMAT [--annotator A] [--status done] [-o OUT]
      Writes IN (Spanwright/doccano/CLUENER/Prodigy JSONL, CoNLL, brat .zip) as FORMAT:
      spanwright, doccano, cluener, conll, huggingface, brat (a zip; needs -o).
      Without -o the file goes to standard output. With -o, huggingface also writes
      OUT's stem + .labels.json, and conll/huggingface write OUT's stem + .dropped-spans.jsonl
      listing every span BIO cannot hold.
  split IN --train 80 --dev 10 --seed 7 --out DIR [--to FORMAT]
      Writes DIR/train, DIR/dev and DIR/test (Spanwright JSONL unless --to), split by document
      exactly as the browser's "Split into train, dev and test".
  validate IN        Lists every problem by line; exit status 1 when there is any.
  stats IN [--json]  Documents, spans, labels, annotators, statuses, overlaps.
  agreement FILE… [--json] [--status done]
      The agreement report (every annotator's layer of the same documents; gold is scored against).
`;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        to: { type: 'string' },
        out: { type: 'string', short: 'o' },
        annotator: { type: 'string' },
        status: { type: 'string' },
        train: { type: 'string' },
        dev: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const input = (): string => {
      const [file] = positionals;
      if (file === undefined || positionals.length > 1) throw new UsageError(`${command} takes one input file`);
      return file;
    };
    switch (command) {
      case 'convert':
        return await convert(input(), values, io);
      case 'split':
        return await split(input(), values, io);
      case 'validate':
        return await validate(input(), io);
      case 'stats':
        return await stats(input(), { json: values.json }, io);
      case 'agreement':
        return await agreement(positionals, { json: values.json, status: values.status }, io);
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`spanwright: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      io.err(`spanwright: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

const isEntry = import.meta.url === `file://${process.argv[1] ?? ''}` || /(?:^|[/\\])(main\.ts|spanwright(\.m?js)?)$/.test(process.argv[1] ?? '');
if (isEntry) {
  const io: Io = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };
  main(process.argv.slice(2), io).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`spanwright: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
