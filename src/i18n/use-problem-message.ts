// Problems said in the UI language, zod's own too: zod's locale is fetched only for a list that has one of them.
import { useQuery } from '@tanstack/react-query';
import type { Problem } from '../model/incident';
import { useI18n } from './i18n';
import { problemMessage } from './problem-message';

/**
 * How the UI says each of `problems`. zod's own stay English until zod's locale of the UI language arrives, in a
 * chunk of its own (it holds part of zod, which the page loads for no valid file), or if it cannot be fetched.
 */
export function useProblemMessage(problems: readonly Problem[] = []): (problem: Problem) => string {
  const { lang, t } = useI18n();
  const wanted = lang !== 'en' && problems.some((p) => p.zodIssue !== undefined);
  // React Query fetches the chunk once, for every list, and tells each when it arrives.
  const { data } = useQuery({
    queryKey: ['zod-issue'],
    queryFn: () => import('../model/zod-issue').then(({ sayIssue }) => ({ sayIssue })),
    enabled: wanted,
    staleTime: Infinity,
  });
  return (problem) => problemMessage(problem, t, data && ((issue) => data.sayIssue(issue, lang)));
}
