import { Accordion, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stagesForYears } from '../../domain/planning/stages';
import { StrongText } from '../curriculum/StrongText';
import type { Syllabus } from '../curriculum/types';
import classes from './planning.module.css';

export interface Picks { content: Set<string>; requirements: Set<string> }

/** The ids picked, in the syllabus's order (stage by stage, as the source lists them). */
export function pickedInOrder(syllabus: Syllabus, picks: Picks) {
  return {
    contentIds: syllabus.stages.flatMap((s) => s.content.flatMap((h) => h.items.map((i) => i.id))).filter((id) => picks.content.has(id)),
    requirementIds: syllabus.stages.flatMap((s) => s.requirements.map((r) => r.id)).filter((id) => picks.requirements.has(id)),
  };
}

const toggle = (set: Set<string>, id: string, on: boolean) => { const n = new Set(set); if (on) n.add(id); else n.delete(id); return n; };

/**
 * Central content and knowledge requirements picked from the planning's syllabus (never typed): one panel per
 * stage, the stage of the groups' year first and open. A requirement is shown with its E (or G) wording.
 */
export function SyllabusPicker({ syllabus, years, picks, onChange }: { syllabus: Syllabus; years: number[]; picks: Picks; onChange: (p: Picks) => void }) {
  const { t } = useTranslation();
  const stages = stagesForYears(syllabus.stages, years);
  return (
    <Accordion multiple defaultValue={stages.slice(0, 1).map((s) => s.code)} variant="separated">
      {stages.map((stage) => {
        const chosen = stage.content.flatMap((h) => h.items).filter((i) => picks.content.has(i.id)).length
          + stage.requirements.filter((r) => picks.requirements.has(r.id)).length;
        return (
          <Accordion.Item key={stage.code} value={stage.code}>
            <Accordion.Control data-testid={`pick-stage-${stage.code}`}>{`${stage.name}${chosen ? ` (${chosen})` : ''}`}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="lg">
                <Stack gap="xs" component="fieldset" className={classes.pickStage} style={{ border: 0, margin: 0 }}>
                  <Title order={3} size="h5" component="legend">{t('planning.pick.content', { stage: stage.name })}</Title>
                  {stage.content.map((h, hi) => (
                    <Stack key={`${h.heading}-${hi}`} gap={4}>
                      {h.heading && <Text fw={600} size="sm">{h.heading}</Text>}
                      {h.items.map((item) => (
                        <Checkbox key={item.id} label={item.text} checked={picks.content.has(item.id)} data-testid={`pick-content-${item.id}`}
                          onChange={(e) => onChange({ ...picks, content: toggle(picks.content, item.id, e.currentTarget.checked) })} />
                      ))}
                    </Stack>
                  ))}
                </Stack>
                <Stack gap="xs" component="fieldset" className={classes.pickStage} style={{ border: 0, margin: 0 }}>
                  <Title order={3} size="h5" component="legend">{t('planning.pick.requirements', { stage: stage.name })}</Title>
                  {stage.requirements.map((r) => (
                    <Checkbox key={r.id} checked={picks.requirements.has(r.id)} data-testid={`pick-requirement-${r.id}`}
                      label={<StrongText text={r.choices.E ?? r.choices.G ?? r.text} />}
                      onChange={(e) => onChange({ ...picks, requirements: toggle(picks.requirements, r.id, e.currentTarget.checked) })} />
                  ))}
                </Stack>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
