// Form fields built on the browser's own controls, without a component library: the applicant's form is
// the page most applicants open on a phone, often on a slow link, and it downloads nothing else. They
// look like the rest of the app (Mantine's CSS variables) and follow its accessibility rules: a label
// for every control, the description and the error tied to it, `aria-invalid`, a 2 px focus ring.
import { useId, useLayoutEffect, useRef, type ChangeEvent, type CSSProperties, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import './fields.css';

export interface FieldFrameProps {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
}

interface FieldIds {
  input: string;
  description: string;
  error: string;
}

function useFieldIds(): FieldIds {
  const id = useId();
  return { input: `${id}input`, description: `${id}description`, error: `${id}error` };
}

function describedBy(ids: FieldIds, { description, error }: FieldFrameProps): string | undefined {
  return [description ? ids.description : '', error ? ids.error : ''].filter(Boolean).join(' ') || undefined;
}

function RequiredMark({ required }: { required?: boolean }) {
  return required ? (
    <span className="field-required" aria-hidden="true">
      {' *'}
    </span>
  ) : null;
}

function Help({ ids, description, error }: Omit<FieldFrameProps, 'label'> & { ids: FieldIds }) {
  return (
    <>
      {description ? (
        <p className="field-description" id={ids.description}>
          {description}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={ids.error}>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A label, its control, the description under the label and the error under the control. */
function Frame({ ids, label, description, error, required, children }: FieldFrameProps & { ids: FieldIds; children: ReactNode }) {
  return (
    <div className="field" data-invalid={error ? '' : undefined}>
      <label className="field-label" htmlFor={ids.input}>
        {label}
        <RequiredMark required={required} />
      </label>
      <Help ids={ids} description={description} />
      {children}
      <Help ids={ids} error={error} />
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

export interface TextFieldProps extends FieldFrameProps, InputProps {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  ref?: Ref<HTMLInputElement>;
  /** Shown at the end of the field (a currency). */
  suffix?: ReactNode;
}

/** One line of text (also e-mail, phone, web address, and the number and date fields below). */
export function TextField({ label, description, error, required, suffix, dir = 'auto', ...input }: TextFieldProps) {
  const ids = useFieldIds();
  const control = (
    <input
      {...input}
      id={ids.input}
      dir={dir}
      className="field-input"
      required={required}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(ids, { label, description, error })}
    />
  );
  return (
    <Frame ids={ids} label={label} description={description} error={error} required={required}>
      {suffix ? (
        <div className="field-affix">
          {control}
          <span className="field-suffix" aria-hidden="true">
            {suffix}
          </span>
        </div>
      ) : (
        control
      )}
    </Frame>
  );
}

export interface TextAreaFieldProps extends FieldFrameProps {
  value: string;
  onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  onBlur?: () => void;
  name?: string;
  maxLength?: number;
  ref?: Ref<HTMLTextAreaElement>;
  minRows?: number;
  maxRows?: number;
}

let fieldSizing: boolean | undefined;
function supportsFieldSizing(): boolean {
  fieldSizing ??= typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');
  return fieldSizing;
}

/** Several lines of text; the box grows with its text, between `minRows` and `maxRows` lines. */
export function TextAreaField({ label, description, error, required, minRows = 4, maxRows = 16, ref, ...textarea }: TextAreaFieldProps) {
  const ids = useFieldIds();
  const own = useRef<HTMLTextAreaElement | null>(null);
  useLayoutEffect(() => {
    // Where CSS sizes the box to its text (field-sizing), nothing to do; elsewhere it is measured, which
    // forces a layout: only then, and only when the text changes.
    const element = own.current;
    if (!element || supportsFieldSizing()) return;
    const style = getComputedStyle(element);
    const line = parseFloat(style.lineHeight) || 20;
    const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
    const frame = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + borders;
    element.style.height = 'auto';
    const wanted = Math.min(Math.max(element.scrollHeight + borders, minRows * line + frame), maxRows * line + frame);
    element.style.height = `${Math.ceil(wanted)}px`;
  }, [textarea.value, minRows, maxRows]);
  return (
    <Frame ids={ids} label={label} description={description} error={error} required={required}>
      <textarea
        {...textarea}
        ref={(element) => {
          own.current = element;
          if (typeof ref === 'function') ref(element);
          else if (ref) ref.current = element;
        }}
        id={ids.input}
        dir="auto"
        rows={minRows}
        className="field-input field-textarea"
        style={{ '--min-rows': minRows, '--max-rows': maxRows } as CSSProperties}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, { label, description, error })}
      />
    </Frame>
  );
}

export interface SelectFieldProps extends FieldFrameProps {
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  onBlur?: () => void;
  name?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** A choice in a list, the browser's own (the phone's picker on a phone). */
export function SelectField({ label, description, error, required, options, ...select }: SelectFieldProps) {
  const ids = useFieldIds();
  return (
    <Frame ids={ids} label={label} description={description} error={error} required={required}>
      <select
        {...select}
        id={ids.input}
        className="field-input field-select"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, { label, description, error })}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export interface ChoiceGroupProps extends FieldFrameProps {
  /** Radios (one answer) or check boxes (several). */
  multiple: boolean;
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: readonly string[];
  onChange: (value: string[]) => void;
  onBlur?: () => void;
  /** Given the first control, so the form can move the focus to the question. */
  ref?: Ref<HTMLInputElement>;
}

/** Options shown all at once, in a group named by the question. Arrow keys move between radios. */
export function ChoiceGroup({ label, description, error, required, multiple, name, options, value, onChange, onBlur, ref }: ChoiceGroupProps) {
  const ids = useFieldIds();
  return (
    <fieldset className="field choice-group" data-invalid={error ? '' : undefined} aria-describedby={describedBy(ids, { label, description, error })}>
      <legend className="field-label">
        {label}
        <RequiredMark required={required} />
      </legend>
      <Help ids={ids} description={description} />
      <div className="choice-list">
        {options.map((option, index) => {
          const checked = value.includes(option.value);
          return (
            <label key={option.value} className="choice">
              <input
                ref={index === 0 ? ref : undefined}
                type={multiple ? 'checkbox' : 'radio'}
                name={name}
                value={option.value}
                checked={checked}
                required={!multiple && required}
                aria-invalid={error ? true : undefined}
                onBlur={onBlur}
                onChange={(event) => {
                  if (!multiple) onChange([option.value]);
                  else onChange(event.currentTarget.checked ? [...value, option.value] : value.filter((chosen) => chosen !== option.value));
                }}
              />
              <span dir="auto">{option.label}</span>
            </label>
          );
        })}
      </div>
      <Help ids={ids} error={error} />
    </fieldset>
  );
}
