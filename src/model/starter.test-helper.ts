// The starter words a new incident is made with in the model's tests, shared so each test file does not restate them.
import type { StarterWords } from './draft';

export const STARTER_WORDS: StarterWords = {
  lang: 'en',
  title: 'Untitled incident',
  summary: 'What happened.',
  source: 'Responder notes',
  phase: 'Incident',
  system: 'System',
  actor: 'Responder',
  action: 'Observe',
};
