import { Alert } from '@mantine/core';

/** The form-level error (react-hook-form's `errors.root.server`), announced as soon as it appears. */
export function FormErrorAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {message}
    </Alert>
  );
}
