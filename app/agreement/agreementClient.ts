/**
 * The agreement worker, and the Agreement view's question to it: asked again when the scope
 * changes or a write changes the project (debounced to a frame); only the latest answer is kept.
 */
import { proxy, wrap, type Remote } from 'comlink';
import { useEffect, useState } from 'react';
import { onStorageChange } from '../../src/db';
import { afterNextPaint } from '../editor/timingMarks';
import type { AgreementAnswer, AgreementQuestion, AgreementWorkerApi } from '../../src/workers/agreement.worker';

let worker: Remote<AgreementWorkerApi> | null = null;

export function agreementWorker(): Remote<AgreementWorkerApi> {
  worker ??= wrap<AgreementWorkerApi>(new Worker(new URL('../../src/workers/agreement.worker.ts', import.meta.url), { type: 'module', name: 'spanwright-agreement' }));
  return worker;
}

export type AgreementState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'reading'; readonly read: number; readonly total: number }
  | { readonly phase: 'computing' }
  | { readonly phase: 'ready'; readonly answer: AgreementAnswer }
  | { readonly phase: 'failed'; readonly message: string };

/** A write somewhere in the project: the view asks again. */
function useProjectVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let frame = 0;
    const stop = onStorageChange((change) => {
      if (!change.documents && change.layers === null) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setVersion((value) => value + 1));
    });
    return () => {
      cancelAnimationFrame(frame);
      stop();
    };
  }, []);
  return version;
}

/** The answer to `question` (null: nothing to ask), with reading progress while the layers load. */
export function useAgreement(question: Omit<AgreementQuestion, 'createdAt'> | null): { state: AgreementState; previous: AgreementAnswer | null } {
  // Each state remembers the request it belongs to: a newer request shows as computing at once.
  const [tagged, setTagged] = useState<{ request: string; state: AgreementState }>({ request: '', state: { phase: 'idle' } });
  const [previous, setPrevious] = useState<AgreementAnswer | null>(null);
  const version = useProjectVersion();
  const key = question === null ? null : JSON.stringify(question);
  const request = key === null ? '' : `${key}#${String(version)}`;
  useEffect(() => {
    if (key === null) return;
    let current = true;
    const asked = JSON.parse(key) as Omit<AgreementQuestion, 'createdAt'>;
    const tag = `${key}#${String(version)}`;
    const onProgress = proxy((read: number, total: number) => {
      if (current) setTagged({ request: tag, state: { phase: 'reading', read, total } });
    });
    agreementWorker()
      .compute({ ...asked, createdAt: new Date().toISOString() }, onProgress)
      .then((answer) => {
        if (!current) return;
        setTagged({ request: tag, state: { phase: 'ready', answer } });
        setPrevious(answer);
        // The bench times a click to the numbers on screen.
        afterNextPaint(() => performance.mark('spanwright:agreement-ready', { detail: { documents: answer.report.scope.documents, readMs: answer.readMs, computeMs: answer.computeMs } }));
      })
      .catch((error: unknown) => {
        if (current) setTagged({ request: tag, state: { phase: 'failed', message: error instanceof Error ? error.message : String(error) } });
      });
    return () => {
      current = false;
    };
  }, [key, version]);
  const state: AgreementState = key === null ? { phase: 'idle' } : tagged.request === request ? tagged.state : { phase: 'computing' };
  return { state, previous };
}
