import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { downloadFile, type QueryValue } from '../lib/download';

/** A file the API builds for one format: where to ask for it, and its name if the server gives none. */
export interface DownloadTarget {
  path: string;
  query: Record<string, QueryValue>;
  fileName: string;
}

export interface DownloadButtonsProps<F extends string> {
  formats: readonly F[];
  target: (format: F) => DownloadTarget;
  /** The button's words for a format ("Exporter en CSV"). */
  label: (format: F) => string;
  /** What the live region says while the file arrives, from the bytes received so far. */
  progress: (received: number) => string;
}

/** One button a format; downloads the file the API builds, telling how much has arrived, and any failure. */
export function DownloadButtons<F extends string>({ formats, target, label, progress }: DownloadButtonsProps<F>) {
  const [running, setRunning] = useState<F | null>(null);
  const [received, setReceived] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: F) => {
    setRunning(format);
    setReceived(0);
    setError(null);
    const { path, query, fileName } = target(format);
    try {
      await downloadFile(path, query, fileName, setReceived);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setRunning(null);
    }
  };

  return (
    <Group gap="xs" align="center" wrap="wrap">
      {formats.map((format) => (
        <Button key={format} variant="default" size="sm" loading={running === format} disabled={running !== null && running !== format} onClick={() => void run(format)}>
          {label(format)}
        </Button>
      ))}
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {running ? progress(received) : ''}
      </Text>
      {error ? (
        <Alert color="red" variant="light" role="alert" py={4}>
          {error}
        </Alert>
      ) : null}
    </Group>
  );
}
