// Forms validate with the contracts' zod schemas; importing the resolver from here also sets zod's
// messages in the interface language (app/zod-locale.ts), loaded with the first form a person opens.
import '../app/zod-locale';

export { zodResolver } from '@hookform/resolvers/zod';
