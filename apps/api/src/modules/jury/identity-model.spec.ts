import type { TFormDefinition } from '@tahkim/contracts';
import { applicationIdentityMatcher, identityModel, MASKED_EMAIL, MASKED_PHONE, MASKED_TERM, type IdentitySources } from './identity-model';
import { normaliseForMatching } from './identity-normalise';

const t = (fr: string) => ({ ar: fr, fr, en: fr });
const field = (key: string, type: TFormDefinition['sections'][number]['fields'][number]['type'], identifying: boolean) => ({
  key, type, label: t(key), required: false, identifying, hidden: false, limits: {}, options: [],
});

const form: TFormDefinition = {
  sections: [
    {
      key: 'who',
      title: t('Who'),
      hidden: false,
      fields: [
        field('organisation_name', 'SHORT_TEXT', true),
        field('contact_name', 'SHORT_TEXT', true),
        field('team', 'LONG_TEXT', true),
        field('contact_email', 'EMAIL', true),
        field('contact_phone', 'PHONE', true),
        // Not marked identifying: an applicant's site identifies them all the same.
        field('website', 'URL', false),
        field('pitch', 'LONG_TEXT', false),
      ],
    },
  ],
};

/** The probe's applicant: the application was filed from someone else's account. */
const sources: IdentitySources = {
  form,
  owner: { displayName: 'Youssef Karimi', email: 'y.karimi@gmail.com', organisation: null },
  answers: {
    organisation_name: 'Coopérative Tifawin pour le Développement',
    contact_name: 'Mohamed Ali Bennani',
    team: "Fatima Zahra Aït Ouahi (présidente, 12 ans d'expérience en gestion de coopératives) et Omar El Alaoui, trésorier. Notre équipe compte 5 bénévoles.",
    contact_email: 'm.bennani@tifawin.ma',
    contact_phone: '+212 661 234 567',
    website: 'https://www.tifawin.ma/fr',
    pitch: 'irrelevant',
  },
};
const identity = applicationIdentityMatcher(sources);

const arabic: IdentitySources = {
  form,
  owner: { displayName: 'فاطمة الزهراء أيت وهي', email: 'fz.aitouahi@hotmail.com', organisation: null },
  answers: { organisation_name: 'جمعية الأمل للتنمية', contact_name: 'عبد الله بن علي', contact_phone: '0612345678', website: 'facebook.com/amal.tiznit' },
};
const arabicIdentity = applicationIdentityMatcher(arabic);

describe('identity masking: the probe cases', () => {
  it.each([
    // "m.bennani" (the email's name) is also "M. Bennani".
    ['Porté par M. Bennani (BENNANI)', `Porté par ${MASKED_TERM} (${MASKED_TERM})`],
    ['Porté par Mme Bennani', `Porté par Mme ${MASKED_TERM}`],
    ['Le fondateur est Mohamed Ali.', `Le fondateur est ${MASKED_TERM}.`],
    ['Le fondateur est Mohamed Ali Bennani, avec Youssef.', `Le fondateur est ${MASKED_TERM}, avec ${MASKED_TERM}.`],
    ['Contact : m.bennani [at] tifawin.ma', `Contact : ${MASKED_EMAIL}`],
    ['Voir www.tifawin.ma pour le catalogue', `Voir ${MASKED_TERM} pour le catalogue`],
    ['Appelez le 0 6 6 1 2 3 4 5 6 7 ou le 06 61 23 45 67', `Appelez le ${MASKED_PHONE} ou le ${MASKED_PHONE}`],
  ])('%s', (input, expected) => {
    expect(identity.mask(input)).toBe(expected);
  });

  it('masks an Arabic organisation behind an attached prefix, and keeps the generic words elsewhere', () => {
    expect(arabicIdentity.mask('تأسس المشروع بجمعية الأمل للتنمية سنة 2015.')).toBe(`تأسس المشروع ${MASKED_TERM} سنة 2015.`);
    expect(arabicIdentity.mask('تعمل الجمعية مع جمعية أخرى للتنمية القروية.')).toBe('تعمل الجمعية مع جمعية أخرى للتنمية القروية.');
    expect(arabicIdentity.mask('شعارنا: الأمل ثم العمل، وبالأمل نبني.')).toBe(`شعارنا: ${MASKED_TERM} ثم العمل، ${MASKED_TERM} نبني.`);
  });
});

describe('identity masking: forms of a name', () => {
  it.each([
    ['FATIMA ZAHRA AIT OUAHI a fondé', `${MASKED_TERM} a fondé`],
    ['Mme Aït-Ouahi et Mme Aitouahi', `Mme ${MASKED_TERM} et Mme ${MASKED_TERM}`],
    ['Ouahi seul', `${MASKED_TERM} seul`],
    ['omar el-alaoui, Elalaoui, ALAOUI', `${MASKED_TERM}, ${MASKED_TERM}, ${MASKED_TERM}`],
    ['La Coopérative Tifawin pour le Développement vend', `La ${MASKED_TERM} vend`],
    ['les produits TIFAWIN et tifawin', `les produits ${MASKED_TERM} et ${MASKED_TERM}`],
    ['Karimi a déposé', `${MASKED_TERM} a déposé`],
  ])('%s', (input, expected) => {
    expect(identity.mask(input)).toBe(expected);
  });

  it.each([
    ['قالت فاطمه الزهراء', `قالت ${MASKED_TERM}`],
    ['مع فَاطِمَة', `مع ${MASKED_TERM}`],
    ['مع فاطـــمة', `مع ${MASKED_TERM}`],
    ['ولفاطمة وبالزهراء', MASKED_TERM],
    ['عائلة آيت وهي، وايت وهي', `عائلة ${MASKED_TERM}، ${MASKED_TERM}`],
    ['السيد عبد الله بن علي، وعبدالله', `السيد ${MASKED_TERM}، ${MASKED_TERM}`],
    ['ابن علي، وبنعلي', `${MASKED_TERM}، ${MASKED_TERM}`],
  ])('%s', (input, expected) => {
    expect(arabicIdentity.mask(input)).toBe(expected);
  });

  it('leaves ordinary words alone: prepositions, words containing a name, generic organisation words', () => {
    expect(arabicIdentity.mask('اعتمد على التعاونية وعلى النساء')).toBe('اعتمد على التعاونية وعلى النساء');
    expect(identity.mask('Une qualité alimentaire pour la coopérative et le développement local.')).toBe('Une qualité alimentaire pour la coopérative et le développement local.');
    expect(identity.mask('Un partenariat avec une autre coopérative du Souss, à Tiznit.')).toBe('Un partenariat avec une autre coopérative du Souss, à Tiznit.');
    expect(identity.mask('Nous demandons 150 000 000 MAD sur 2021-2023.')).toBe('Nous demandons 150 000 000 MAD sur 2021-2023.');
  });
});

describe('identity masking: contacts in disguise', () => {
  it.each([
    'm.bennani@tifawin.ma',
    'M.BENNANI@TIFAWIN.MA',
    'm.bennani (at) tifawin.ma',
    'm.bennani {at} tifawin [dot] ma',
    'm.bennani at tifawin dot ma',
    'm . bennani [at] tifawin (.) ma',
    'm.bennani＠tifawin.ma',
  ])('email %s', (input) => {
    expect(identity.mask(`écrire à ${input} svp`)).toMatch(/^écrire à •••(@•••)? svp$/u);
  });

  it.each(['+212 661 234 567', '+212661234567', '00212 661-234-567', '+212 (0)6 61 23 45 67', '0661234567', '06.61.23.45.67', '661 234 567', '٠٦٦١٢٣٤٥٦٧', '0 6 6 1 2 3 4 5 6 7'])('phone %s', (input) => {
    expect(identity.mask(`tél ${input}.`)).toBe(`tél ${MASKED_PHONE}.`);
  });

  it('masks each number of a phone answer holding two', () => {
    const two = applicationIdentityMatcher({ ...sources, answers: { ...sources.answers, contact_phone: '0661 23 45 67 / +212 522-98-76-54' } });
    expect(two.mask('fixe 522 987 654, mobile 661234567')).toBe(`fixe ${MASKED_PHONE}, mobile ${MASKED_PHONE}`);
  });

  it.each(['tifawin.ma', 'www.tifawin.ma', 'https://tifawin.ma/fr/produits?x=1', 'HTTP://WWW.TIFAWIN.MA', 'tifawin [dot] ma'])('site %s', (input) => {
    expect(identity.mask(`site : ${input} .`)).toBe(`site : ${MASKED_TERM} .`);
  });

  it('masks a social page and its handle, not the network', () => {
    expect(arabicIdentity.mask('تابعونا على فيسبوك @amal.tiznit أو facebook.com/amal.tiznit')).toBe(`تابعونا على فيسبوك @${MASKED_TERM} أو facebook.com/${MASKED_TERM}`);
    expect(arabicIdentity.mask('Facebook et Instagram')).toBe('Facebook et Instagram');
  });

  it('keeps the rest of the text exactly as written', () => {
    const text = 'Le\u00a0projet de Mohamed\u200b Ali Bennani — « Tifawin » — emploie 40 femmes.';
    expect(identity.mask(text)).toBe(`Le\u00a0projet de ${MASKED_TERM} — « ${MASKED_TERM} » — emploie 40 femmes.`);
  });
});

describe('identity model', () => {
  it('takes names from the account and every identifying answer, contacts from every contact field, and only names from prose', () => {
    const model = identityModel(sources);
    expect(model.names).toEqual(expect.arrayContaining(['Youssef Karimi', 'Coopérative Tifawin pour le Développement', 'Mohamed Ali Bennani']));
    expect(model.emails).toEqual(['y.karimi@gmail.com', 'm.bennani@tifawin.ma']);
    expect(model.sites).toEqual(['https://www.tifawin.ma/fr']);
    expect(model.texts).toHaveLength(1);
    // From the team's description, the names; not "expérience", "gestion" or "bénévoles".
    expect(identity.mask('Une expérience de gestion avec des bénévoles.')).toBe('Une expérience de gestion avec des bénévoles.');
    expect(identity.mask('Omar et Fatima')).toBe(`${MASKED_TERM} et ${MASKED_TERM}`);
    // A shared mail service is not masked wherever it is named.
    expect(identity.mask('un compte gmail.com')).toBe('un compte gmail.com');
  });
});

describe('normaliseForMatching', () => {
  it('maps every character of the copy back to the text as written', () => {
    const source = 'Aït-Ouahi فَاطِمَة أيت ـوهي ٠٦';
    const copy = normaliseForMatching(source);
    expect(copy.text).toBe('ait-ouahi فاطمه ايت وهي 06');
    expect(source.slice(copy.starts[10]!, copy.ends[14]!)).toBe('فَاطِمَة');
  });
});
