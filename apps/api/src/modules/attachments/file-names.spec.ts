import { attachmentContentDisposition, displayFileName, fileNameForType, MAX_FILE_NAME_LENGTH } from './file-names';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('fileNameForType', () => {
  it.each([
    ['invoice.html', 'application/pdf', 'invoice.pdf'],
    ['cv', 'application/pdf', 'cv.pdf'],
    ['cv.PDF', 'application/pdf', 'cv.PDF'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['photo.png', 'image/jpeg', 'photo.jpg'],
    ['statuts.doc', DOCX, 'statuts.docx'],
    ['rapport v2.final', 'application/pdf', 'rapport v2.final.pdf'],
    ['budget 2026.1', 'application/pdf', 'budget 2026.1.pdf'],
    ['ملف المشروع.exe', 'application/pdf', 'ملف المشروع.pdf'],
  ] as const)('%j holding %s -> %j', (name, type, expected) => {
    expect(fileNameForType(name, type)).toBe(expected);
  });

  it('keeps the name within the length limit with the extension it needs', () => {
    const long = fileNameForType('a'.repeat(MAX_FILE_NAME_LENGTH), 'application/pdf');
    expect(Array.from(long)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('displayFileName', () => {
  it.each([
    ['dossier.pdf', 'dossier.pdf'],
    ['C:\\Users\\salma\\Desktop\\budget.pdf', 'budget.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['ملف المشروع.pdf', 'ملف المشروع.pdf'],
    ['cv\u202Efdp.exe', 'cvfdp.exe'],
    ['line\r\nbreak\u0000.pdf', 'linebreak.pdf'],
    ['  many   spaces .pdf ', 'many spaces .pdf'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['', 'document'],
    [undefined, 'document'],
    ['///', 'document'],
  ])('%j -> %j', (raw, expected) => {
    expect(displayFileName(raw)).toBe(expected);
  });

  it('shortens a long name and keeps its extension, without splitting a character', () => {
    const long = `${'تقرير'.repeat(100)}.pdf`;
    const shown = displayFileName(long);
    expect(Array.from(shown)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(shown.endsWith('.pdf')).toBe(true);
    expect(Array.from(displayFileName('😀'.repeat(300)))).toHaveLength(MAX_FILE_NAME_LENGTH);
  });
});

describe('attachmentContentDisposition', () => {
  it('always says attachment, with the UTF-8 name and an ASCII fallback', () => {
    expect(attachmentContentDisposition('ملف.pdf')).toBe(`attachment; filename="document.pdf"; filename*=UTF-8''%D9%85%D9%84%D9%81.pdf`);
    expect(attachmentContentDisposition("l'été (v2)*.pdf")).toBe(`attachment; filename="l'ete (v2)*.pdf"; filename*=UTF-8''l%27%C3%A9t%C3%A9%20%28v2%29%2A.pdf`);
    expect(attachmentContentDisposition('a"b\\c;d.pdf')).toBe(`attachment; filename="a_b_c_d.pdf"; filename*=UTF-8''a%22b%5Cc%3Bd.pdf`);
    expect(attachmentContentDisposition('rapport')).toBe(`attachment; filename="rapport"; filename*=UTF-8''rapport`);
  });
});
