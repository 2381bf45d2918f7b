// The popup's form as last typed, so closing the popup never loses work.
import { EMPTY_FORM, LinkFormSchema, type LinkForm } from './link-form';
import { defineItem } from '../storage/define-item';

export const draftItem = defineItem<LinkForm>({
  // The popup, and "Use again" in the history.
  writer: 'pages',
  area: 'local',
  key: 'draft',
  version: 1,
  schema: LinkFormSchema,
  fallback: () => ({ ...EMPTY_FORM }),
});
