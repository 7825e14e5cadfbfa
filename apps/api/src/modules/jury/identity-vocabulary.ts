import { fold } from './identity-normalise';

const words = (list: string): Set<string> => new Set(list.split(/[\s,]+/u).filter(Boolean).map(fold));

/**
 * Name particles: never masked alone (they are everywhere), always kept with the word that follows
 * ("Ben Ali", "Ait Ouahi", "Ould Ahmed", "Abd El Kader", "بن علي", "أيت وهي"), which is also masked
 * alone when it has 3 letters or more.
 */
export const NAME_PARTICLES = words(`
  ben bent bin bint ibn el al ait aït ayt ou ould oulad abou abu abd abdel abdul bou sidi lalla moulay mulay
  da de del della di du la le van von
  بن بنت ابن ابنة أبو ابو أيت آيت ايت ولد أولاد اولاد عبد بو سيدي لالة مولاي
`);

/**
 * Particles that are also articles and prepositions ("de", "la", "el"): kept with the next word only when
 * that word is distinctive, so "le Développement" of an organisation's name does not mask every "le développement".
 */
export const WEAK_PARTICLES = words('el al da de del della di du la le van von ou');

/**
 * Words that are never masked on their own, although they occur in names, organisations and addresses.
 * The rule: an identifying value is masked whole, and each of its words of 3 letters or more is masked
 * alone too, unless that word is generic (below) — so "جمعية الأمل للتنمية" is masked wherever it is
 * written (with or without its prefix: "بجمعية الأمل للتنمية"), "الأمل" alone is masked, but the dozens of
 * other "جمعية" and "التنمية" of a dossier stay readable. Generic: the kinds of organisation and their
 * usual qualifiers, civil titles and honorifics, function words, and places (where a project works says
 * nothing of who carries it, and jurors need it). Compared after folding, and for Arabic after the
 * attached prefixes are taken off (so "للتنمية" is generic as "تنمية" is).
 */
export const GENERIC_WORDS = words(`
  association associations asso assoc cooperative cooperatives cooperativa coop societe societes sarl sarlau sas sa ste
  entreprise entreprises startup start up fondation foundation federation union reseau reseaux network centre center club
  collectif groupe group groupement gie ong ngo organisation organization institut institute agence agency compagnie company
  ltd inc llc holding consulting conseil services service studio atelier ateliers maison espace ecole academie academy
  for pour par avec sans sur sous dans chez de du des la le les l d et and of the au aux en un une a to in on by with
  developpement development social sociale sociaux sociales solidaire solidaires solidarite solidarity durable durables
  sustainable femmes femme women woman feminine feminin jeunes jeune jeunesse youth enfants enfant enfance children rural
  rurale rurales ruraux local locale locaux humain humaine humaines culture culturel culturelle culturelles education
  educatif educative formation insertion environnement environmental environment ecologie ecologique sante health art arts
  artisanat artisanal artisanale sport sports sportif innovation innovations innovant innovante impact projet projets project
  projects maroc marocaine marocain marocains marocaines morocco moroccan national nationale nationales regional regionale
  provincial provinciale communal communale citoyen citoyenne citoyennete action actions initiative initiatives amis friends
  economie economique economiques solidarity entraide mutuelle mutuel coop agricole agricoles agriculture peche tourisme
  nord sud est ouest north south east west grand grande petit petite nouveau nouvelle new general generale
  official officiel officielle page compte account profil profile contact info infos admin mail email web site www http https
  com org net ma fr info
  m mr mrs ms mme mmes mlle mlles dr pr me madame monsieur mademoiselle docteur professeur maitre haj hajj hadj hajja hadja
  president presidente fondateur fondatrice directeur directrice responsable coordinateur coordinatrice tresorier tresoriere
  secretaire membre membres equipe team gerant gerante
  indh anapec ofppt pnud undp usaid giz ue eu pme tpe
  جمعية جمعيات تعاونية تعاونيات مؤسسة مؤسسات شركة منظمة مركز نادي اتحاد فيدرالية شبكة هيئة مجموعة مجموعات دار بيت
  تنمية التنمية تنموية اجتماعية الاجتماعية اجتماعي تضامن التضامن تضامنية التضامنية مستدامة المستدامة نسائية النسائية
  المرأة مرأة نساء النساء شباب الشباب الشبابية طفولة الطفولة طفل الطفل اطفال الأطفال المغرب المغربية مغربية الوطنية وطنية
  الجهوية جهوية المحلية محلية القروية قروية العالم القروي البيئة بيئة الثقافة ثقافة ثقافية الثقافية الرياضة رياضية
  التربية تربية التكوين تكوين الادماج إدماج الصحة صحة الفلاحة فلاحية الفلاحية الصناعة التقليدية الاقتصاد اقتصادية
  الاقتصادية التعاون تعاون الخيرية خيرية الاحسان إحسان الأعمال الاجتماعي الإنسانية إنسانية المواطنة مواطنة الحرفيين
  حرفية السياحة الصيد البحري الشمال الجنوب الشرق الغرب الكبرى الجديدة جديد مشروع المشروع مشاريع المشاريع ذات صاحب
  السيد السيدة الأستاذ الأستاذة الدكتور الدكتورة المهندس المهندسة الحاج الحاجة الرئيس الرئيسة رئيس رئيسة المؤسس المؤسسة
  مؤسس مدير مديرة المدير المديرة منسق منسقة عضو أعضاء فريق
  الله والله لله بالله هذا هذه ذلك التي الذي الذين كان كانت
  casablanca rabat sale fes fez meknes marrakech marrakesh agadir tanger tangier tetouan oujda kenitra safi jadida nador
  mellal khouribga taza settat larache guelmim laayoune dakhla errachidia ouarzazate tiznit taroudant essaouira ifrane azrou
  khenifra chefchaouen hoceima berkane taourirt figuig zagora tinghir midelt mohammedia temara khemisset berrechid benslimane
  inezgane youssoufia kelaa sraghna azilal tata assa smara boujdour souss massa draa tafilalet oriental rif
  atlas sahara doukkala chaouia gharb haouz region province commune douar village ville city medina quartier
  rue avenue boulevard bd residence immeuble appartement lot hay cite route km bp
  الدار البيضاء الرباط سلا فاس مكناس مراكش أكادير اكادير طنجة تطوان وجدة القنيطرة آسفي اسفي الجديدة الناظور بني ملال
  خريبكة تازة سطات العرائش كلميم العيون الداخلة الرشيدية ورزازات تزنيت تارودانت الصويرة إفران خنيفرة شفشاون الحسيمة
  بركان زاكورة تنغير ميدلت المحمدية تمارة سوس ماسة درعة تافيلالت الشرق الريف الأطلس الصحراء جهة إقليم عمالة جماعة
  دوار قرية مدينة حي شارع زنقة إقامة عمارة شقة
`);

/** Common capitalised words of free text, so a long identifying answer gives its names, not its sentences. */
export const COMMON_WORDS = words(`
  je tu il elle nous vous ils elles on notre nos votre vos leur leurs mon ma mes son sa ses ce cet cette ces qui que quoi
  dont ou où quand comment pourquoi mais donc or ni car si alors ainsi puis aussi tres plus moins bien tout tous toute toutes
  chaque depuis pendant apres avant entre vers contre selon grace avec sans sous sur dans par pour une des les est sont a ont
  ete etait etre avoir fait faire deux trois quatre cinq six sept huit neuf dix cent mille ans annee annees mois jour jours
  janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre lundi mardi mercredi jeudi vendredi
  samedi dimanche master licence doctorat diplome diplomee ingenieur ingenieure technicien technicienne expert experte
  experience experiences charge chargee chef cheffe manager consultant consultante animateur animatrice formateur formatrice
  benevole benevoles salarie salariee salaries universite faculte ecole lycee institut bac
  i you he she we they our your their my his her this that these those who what when where why how but and or so also very
  more less all each since during after before between with without under over into from about year years month months
  january february march april may june july august september october november december monday tuesday wednesday thursday
  friday saturday sunday bachelor degree engineer expert experience manager consultant volunteer university school college
`);

/** Mail services whose domain says nothing of who writes: their address is masked, not every mention of them. */
export const SHARED_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.fr', 'outlook.com', 'outlook.fr', 'live.com', 'live.fr', 'msn.com',
  'yahoo.com', 'yahoo.fr', 'ymail.com', 'icloud.com', 'me.com', 'aol.com', 'protonmail.com', 'proton.me', 'gmx.com', 'gmx.fr',
  'mail.com', 'laposte.net', 'orange.fr', 'free.fr', 'sfr.fr', 'yandex.com', 'menara.ma', 'iam.ma', 'example.com', 'example.org',
]);

/** Local parts of role mailboxes ("contact@", "info@"): not a person's name. */
export const ROLE_MAILBOXES = words('contact info infos admin direction president presidence secretariat bureau office hello bonjour mail email support team equipe noreply asso association cooperative');

/** Sites where the path, not the host, names the applicant (facebook.com/tifawin.coop). */
export const SOCIAL_HOSTS = new Set([
  'facebook.com', 'fb.com', 'fb.me', 'm.facebook.com', 'web.facebook.com', 'instagram.com', 'instagr.am', 'twitter.com', 'x.com',
  'linkedin.com', 'ma.linkedin.com', 'fr.linkedin.com', 'tiktok.com', 'youtube.com', 'm.youtube.com', 'youtu.be', 't.me', 'wa.me',
  'threads.net', 'snapchat.com', 'pinterest.com', 'github.com', 'behance.net', 'medium.com', 'linktr.ee', 'sites.google.com',
]);

/** Path words of social sites that come before the handle (linkedin.com/company/tifawin). */
export const SOCIAL_PATH_WORDS = new Set(['in', 'company', 'pg', 'pages', 'page', 'people', 'profile.php', 'channel', 'c', 'user', 'groups', 'school', 'showcase', 'view']);

/**
 * Arabic function words spelled with alef maqsura: "على" folds to "علي" (Ali), "إلى" to "الي". The folding
 * is wanted for names ("مصطفى"/"مصطفي"), but the preposition as written is left alone.
 */
export const ARABIC_PREPOSITIONS = new Set(['على', 'إلى', 'الى', 'حتى', 'متى', 'لدى', 'سوى', 'عسى', 'أنى', 'ألى']);
