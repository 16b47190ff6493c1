import type { ImportInput } from './importTypes';

function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? name : name.slice(0, dot);
}

/**
 * The Import dialog's rows for the chosen files: each file alone, except a `.txt` and an `.ann`
 * of the same name, which are one brat document (`doc.txt + doc.ann`). A `.txt` without an `.ann`
 * stays plain text.
 */
export function groupImportInputs(files: readonly File[]): ImportInput[] {
  const anns = new Map<string, File>();
  for (const file of files) if (file.name.toLowerCase().endsWith('.ann')) anns.set(stemOf(file.name), file);
  const paired = new Set<File>();
  const inputs: ImportInput[] = [];
  for (const file of files) {
    if (paired.has(file)) continue;
    const lower = file.name.toLowerCase();
    const ann = lower.endsWith('.txt') ? anns.get(stemOf(file.name)) : undefined;
    if (ann) {
      paired.add(ann);
      inputs.push({ name: `${file.name} + ${ann.name}`, files: [file, ann] });
    } else if (lower.endsWith('.ann') && files.some((other) => other !== file && other.name.toLowerCase().endsWith('.txt') && stemOf(other.name) === stemOf(file.name))) {
      // Its .txt comes later in the list: the pair is made there.
      continue;
    } else {
      inputs.push({ name: file.name, files: [file] });
    }
  }
  return inputs;
}
