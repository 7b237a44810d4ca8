import { highestId, idsAfter } from '../../core/ids';

/**
 * Reserves `count` IDs with `prefix` past every ID on the tab (`existing`) and the counter kept
 * in the document property `property`. Call under the document lock. `commit()` records them
 * as given; a caller that may still roll its write back (import) commits after the write.
 */
export function reserveIds(prefix: string, property: string, existing: Iterable<unknown>, count: number): { ids: string[]; commit(): void } {
  const props = PropertiesService.getDocumentProperties();
  const highest = highestId(prefix, existing, Number(props.getProperty(property) ?? 0));
  return {
    ids: idsAfter(prefix, highest, count),
    commit: () => {
      if (count > 0) props.setProperty(property, String(highest + count));
    },
  };
}
