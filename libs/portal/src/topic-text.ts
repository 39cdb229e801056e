import { PortalTexts } from './texts';

/** A question topic in the reader's words; a municipality's own topic key as words. */
export function topicText(t: PortalTexts, topic: string): string {
  return t.topics[topic] ?? topic.replace(/_/g, ' ');
}

/** The topics of a municipality as options of a select. */
export function topicOptions(t: PortalTexts, topics: string[]): Array<{ value: string; label: string }> {
  return topics.map((topic) => ({ value: topic, label: topicText(t, topic) }));
}
