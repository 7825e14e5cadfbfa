-- Organisation names as the set of words that tell one organisation from another, for suggesting
-- conflicts of interest (a juror's organisation named by an application). Two spellings of one name
-- give the same words: case, Latin accents, Arabic letter variants (أ إ آ ٱ -> ا, ة -> ه, ى ئ ی -> ي,
-- ؤ -> و), harakat and tatweel, Arabic-Indic digits, punctuation and spacing do not matter; the Arabic
-- article and the prepositions attached to it (ال، لل، بال، وال، فال، كال) are taken off a word; generic
-- words (legal forms, "association", "جمعية", "pour le développement", "للتنمية") are not words of a
-- name, so "Association" alone matches nothing. Written with explicit characters rather than locale
-- classes, so every database gives the same words whatever its locale.
CREATE FUNCTION "organisation_words"("name" text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT w."word" ORDER BY w."word"), '{}'::text[])
  FROM (
    SELECT regexp_replace(t."token", '^(وال|بال|فال|كال|لل|ال)(.{3,})$', '\2') AS "word"
    FROM regexp_split_to_table(
      lower(
        replace(replace(replace(replace(replace(replace(
          translate("name",
            'ÀÁÂÃÄÅàáâãäåĀāĂăĄąÇçĆćČčÈÉÊËèéêëĒēĖėĘęĚěÌÍÎÏìíîïĪīİıÑñŃńŇňÒÓÔÕÖØòóôõöøŌōŐőÙÚÛÜùúûüŪūŮůŰűÝýÿŸŠšŞşȘșŽžŹźŻżŢţȚțŤťĞğĜĝĐđĎďŁłĽľĹĺŘřأإآٱٲٳؤئىیةک٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹ـًٌٍَُِّْٰ',
            'aaaaaaaaaaaaaaaaaacccccceeeeeeeeeeeeeeeeiiiiiiiiiiiinnnnnnoooooooooooooooouuuuuuuuuuuuuuyyyysssssszzzzzzttttttggggddddllllllrrااااااويييهك01234567890123456789'),
          'Œ', 'oe'), 'œ', 'oe'), 'Æ', 'ae'), 'æ', 'ae'), 'ß', 'ss'), '&', ' ')
      ),
      '[^0-9a-z\u00C0-\u024F\u0621-\u063A\u0641-\u064A\u066E-\u06D3]+'
    ) AS t("token")
  ) w
  WHERE (length(w."word") > 1 OR w."word" ~ '^[0-9]$')
    AND NOT w."word" = ANY (ARRAY[
      -- legal forms and kinds of organisation
      'association', 'associations', 'asso', 'assoc', 'cooperative', 'cooperatives', 'coop', 'societe', 'ste', 'sarl', 'sarlau',
      'sa', 'sas', 'sasu', 'snc', 'gie', 'ltd', 'llc', 'inc', 'co', 'cie', 'compagnie', 'company', 'groupe', 'group', 'groupement',
      'federation', 'union', 'reseau', 'network', 'fondation', 'foundation', 'centre', 'center', 'club', 'collectif', 'entreprise',
      'enterprise', 'organisation', 'organization', 'organisme', 'ong', 'ngo', 'institut', 'institute', 'agence', 'agency',
      'cabinet', 'bureau', 'universite', 'university', 'ecole', 'school', 'incubateur', 'incubator',
      -- small words and generic purposes
      'de', 'du', 'des', 'la', 'le', 'les', 'et', 'pour', 'par', 'en', 'au', 'aux', 'sur', 'dans', 'avec',
      'of', 'the', 'and', 'for', 'in', 'at', 'by', 'on', 'to', 'with',
      'developpement', 'development', 'social', 'sociale', 'sociaux', 'solidaire', 'solidaires', 'local', 'locale', 'locales',
      'durable', 'maroc', 'morocco', 'marocaine', 'marocain',
      -- the same in Arabic (normalised as above: ة -> ه, ؤ -> و, article taken off)
      'جمعيه', 'جمعيات', 'تعاونيه', 'تعاونيات', 'شركه', 'موسسه', 'مركز', 'اتحاد', 'فدراليه', 'جامعه', 'منظمه', 'هيئه', 'نادي',
      'شبكه', 'مجموعه', 'مقاوله', 'مدرسه', 'معهد', 'وكاله', 'مكتب', 'حاضنه',
      'من', 'في', 'على', 'عن', 'الى', 'مع',
      'تنميه', 'محليه', 'محلي', 'اجتماعيه', 'اجتماعي', 'تضامنيه', 'مستدامه', 'مغرب', 'مغربيه'
    ])
$$;

-- Whether two organisations' words name the same organisation: the same words, or the words of one
-- (at least two of them) all found in the other ("Dar Al Amal" and "Association Dar Al Amal Souss").
-- One shared word alone is not enough: "Atlas" is in too many names.
CREATE FUNCTION "organisation_words_match"("a" text[], "b" text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT cardinality("a") > 0 AND cardinality("b") > 0
    AND ("a" = "b" OR (cardinality("a") >= 2 AND "a" <@ "b") OR (cardinality("b") >= 2 AND "b" <@ "a"))
$$;
