import { useId, useState } from 'react';
import { Button, Group, Paper, Popover, Stack, Text, TextInput } from '@mantine/core';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useTranslation } from 'react-i18next';
import classes from './planning.module.css';

function LinkButton({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [href, setHref] = useState('');
  const active = editor.isActive('link');
  if (active) {
    return <Button size="compact-sm" variant="light" onClick={() => editor.chain().focus().unsetLink().run()}>{t('planning.editor.unlink')}</Button>;
  }
  const apply = () => {
    const url = href.trim();
    if (/^(https?:\/\/|mailto:)/i.test(url)) editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
    setOpen(false); setHref('');
  };
  return (
    <Popover opened={open} onChange={setOpen} trapFocus position="bottom-start" withArrow>
      <Popover.Target>
        <Button size="compact-sm" variant="default" onClick={() => setOpen((o) => !o)} aria-expanded={open}>{t('planning.editor.link')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Group gap="xs" align="flex-end">
          <TextInput label={t('planning.editor.linkPrompt')} value={href} onChange={(e) => setHref(e.currentTarget.value)} w={260}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); apply(); } }} />
          <Button size="sm" onClick={apply}>OK</Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

function Toolbar({ editor, field }: { editor: Editor; field: string }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'), italic: e.isActive('italic'), heading: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'), ordered: e.isActive('orderedList'),
    }),
  });
  const buttons: { key: keyof typeof state; run: () => void }[] = [
    { key: 'bold', run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', run: () => editor.chain().focus().toggleItalic().run() },
    { key: 'heading', run: () => editor.chain().focus().toggleHeading({ level: 3 }).run() },
    { key: 'bullet', run: () => editor.chain().focus().toggleBulletList().run() },
    { key: 'ordered', run: () => editor.chain().focus().toggleOrderedList().run() },
  ];
  return (
    <Group gap={4} role="toolbar" aria-label={t('planning.editor.toolbar', { field })}>
      {buttons.map((b) => (
        <Button key={b.key} size="compact-sm" variant={state[b.key] ? 'filled' : 'default'} aria-pressed={state[b.key]} onClick={b.run}>
          {t(`planning.editor.${b.key}`)}
        </Button>
      ))}
      <LinkButton editor={editor} />
    </Group>
  );
}

/**
 * A rich text field: a small toolbar (bold, italic, heading, lists, link) over a tiptap editor. It starts from
 * the server's sanitised HTML and hands its HTML back; the server sanitises it again before it is stored.
 */
export function RichTextEditor({ label, value, onChange, testId }: { label: string; value: string; onChange: (html: string) => void; testId?: string }) {
  const labelId = useId();
  const editor = useEditor({
    extensions: [StarterKit.configure({
      heading: { levels: [3] }, code: false, codeBlock: false, strike: false, underline: false, horizontalRule: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], defaultProtocol: 'https' },
    })],
    content: value,
    editorProps: { attributes: { 'aria-labelledby': labelId, role: 'textbox', 'aria-multiline': 'true', class: classes.editor, 'data-testid': testId ?? '' } },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });
  return (
    <Stack gap={4}>
      <Text id={labelId} fw={500} size="sm">{label}</Text>
      <Paper withBorder p="xs" radius="sm">
        <Stack gap="xs">
          {editor && <Toolbar editor={editor} field={label} />}
          <EditorContent editor={editor} />
        </Stack>
      </Paper>
    </Stack>
  );
}
