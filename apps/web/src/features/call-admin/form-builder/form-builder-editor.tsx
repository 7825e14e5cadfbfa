import { Button, Stack, Text } from '@mantine/core';
import type { TFormField } from '@tahkim/contracts';
import { useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../locale/use-locale';
import { localized } from '../call-display';
import { FieldRow, SectionCard } from './builder-rows';
import {
  canDeleteField,
  canDeleteSection,
  fieldKeysExcept,
  newUid,
  sectionKeysExcept,
  type BuilderAction,
  type BuilderSection,
  type BuilderState,
} from './builder-state';
import { FieldEditorModal } from './field-editor-modal';
import { QuickAddField } from './quick-add-field';
import { SectionEditorModal, type SectionTexts } from './section-editor-modal';
import { SortableItem, SortableList } from './sortable-list';

type Editing = { kind: 'section'; uid?: string } | { kind: 'field'; sectionUid: string; uid?: string; draft?: Partial<TFormField> } | null;

/** The ordered steps of the form and their questions, each reorderable, editable and hideable. */
export function FormBuilderEditor({ state, dispatch, locked }: { state: BuilderState; dispatch: Dispatch<BuilderAction>; locked: boolean }) {
  const { t } = useTranslation('callAdmin');
  const { locale } = useLocale();
  const [editing, setEditing] = useState<Editing>(null);
  const sectionName = (section: BuilderSection) => localized(section.title, locale) || section.key;
  const allFields = state.sections.flatMap((section) => section.fields);
  const fieldName = (uid: string) => {
    const field = allFields.find((candidate) => candidate.uid === uid);
    return field ? localized(field.label, locale) || field.key : '';
  };

  const editedSection = editing?.kind === 'section' && editing.uid ? state.sections.find((section) => section.uid === editing.uid) : undefined;
  const editedField = editing?.kind === 'field' && editing.uid ? allFields.find((field) => field.uid === editing.uid) : undefined;

  const saveSection = (texts: SectionTexts) => {
    if (editedSection) dispatch({ type: 'updateSection', uid: editedSection.uid, section: texts });
    else dispatch({ type: 'addSection', section: { ...texts, hidden: false, uid: newUid('section'), persisted: false, fields: [] } });
    setEditing(null);
  };
  const saveField = (field: TFormField) => {
    if (editing?.kind !== 'field') return;
    if (editedField) dispatch({ type: 'updateField', uid: editedField.uid, field });
    else dispatch({ type: 'addField', sectionUid: editing.sectionUid, field: { ...field, uid: newUid('field'), persisted: false } });
    setEditing(null);
  };

  return (
    <Stack gap="md">
      {state.sections.length === 0 ? <Text c="dimmed">{t('builder.empty')}</Text> : null}
      <SortableList ids={state.sections.map((section) => section.uid)} nameOf={(id) => sectionName(state.sections.find((section) => section.uid === id)!)} onMove={(uid, to) => dispatch({ type: 'moveSection', uid, to })}>
        <Stack gap="md" component="ol" className="plain-list" aria-label={t('builder.sectionsLabel')}>
          {state.sections.map((section, sectionIndex) => (
            <SortableItem key={section.uid} id={section.uid}>
              <SectionCard
                section={section}
                locale={locale}
                actions={{
                  name: sectionName(section),
                  index: sectionIndex,
                  count: state.sections.length,
                  hidden: section.hidden,
                  deletable: canDeleteSection(section, locked),
                  onMove: (to) => dispatch({ type: 'moveSection', uid: section.uid, to }),
                  onEdit: () => setEditing({ kind: 'section', uid: section.uid }),
                  onToggleHidden: () => dispatch({ type: 'updateSection', uid: section.uid, section: { hidden: !section.hidden } }),
                  onDelete: () => {
                    if (section.fields.length === 0 || window.confirm(t('builder.section.confirmDelete', { name: sectionName(section), number: section.fields.length }))) {
                      dispatch({ type: 'removeSection', uid: section.uid });
                    }
                  },
                }}
              >
                {section.fields.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('builder.section.empty')}
                  </Text>
                ) : (
                  <SortableList ids={section.fields.map((field) => field.uid)} nameOf={(id) => fieldName(String(id))} onMove={(uid, to) => dispatch({ type: 'moveField', uid, to })}>
                    <Stack gap={6} component="ol" className="plain-list" aria-label={t('builder.section.fieldsOf', { name: sectionName(section) })}>
                      {section.fields.map((field, fieldIndex) => (
                        <SortableItem key={field.uid} id={field.uid}>
                          <FieldRow
                            field={field}
                            locale={locale}
                            actions={{
                              name: localized(field.label, locale) || field.key,
                              index: fieldIndex,
                              count: section.fields.length,
                              hidden: field.hidden,
                              deletable: canDeleteField(field, locked),
                              onMove: (to) => dispatch({ type: 'moveField', uid: field.uid, to }),
                              onEdit: () => setEditing({ kind: 'field', sectionUid: section.uid, uid: field.uid }),
                              onToggleHidden: () => dispatch({ type: 'updateField', uid: field.uid, field: { hidden: !field.hidden } }),
                              onDelete: () => dispatch({ type: 'removeField', uid: field.uid }),
                            }}
                          />
                        </SortableItem>
                      ))}
                    </Stack>
                  </SortableList>
                )}
                <QuickAddField
                  sectionName={sectionName(section)}
                  locale={locale}
                  takenKeys={fieldKeysExcept(state)}
                  onAdd={(field) => dispatch({ type: 'addField', sectionUid: section.uid, field: { ...field, uid: newUid('field'), persisted: false } })}
                  onOpenEditor={(draft) => setEditing({ kind: 'field', sectionUid: section.uid, draft })}
                />
              </SectionCard>
            </SortableItem>
          ))}
        </Stack>
      </SortableList>
      <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => setEditing({ kind: 'section' })}>
        {t('builder.section.add')}
      </Button>
      {editing?.kind === 'section' ? (
        <SectionEditorModal
          opened
          section={editedSection}
          frozen={locked && Boolean(editedSection?.persisted)}
          takenKeys={sectionKeysExcept(state, editedSection?.uid)}
          onClose={() => setEditing(null)}
          onSave={saveSection}
        />
      ) : null}
      {editing?.kind === 'field' ? (
        <FieldEditorModal
          opened
          field={editedField}
          draft={editing.draft}
          frozen={locked && Boolean(editedField?.persisted)}
          takenKeys={fieldKeysExcept(state, editedField?.uid)}
          onClose={() => setEditing(null)}
          onSave={saveField}
        />
      ) : null}
    </Stack>
  );
}
