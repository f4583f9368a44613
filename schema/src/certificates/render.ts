import { createRequire } from 'node:module';
import type { WorkType } from '@tandem/db';
import type { CertificateSnapshot } from './snapshot.ts';

/** What a printed certificate needs besides its snapshot: whether it still stands. */
export interface Printable {
  snapshot: CertificateSnapshot;
  status: 'ISSUED' | 'REVOKED';
  revokedAt: Date | null;
}

type Texts = {
  title: string;
  law: string;
  number: string;
  certifies: string;
  born: string;
  period: (from: string, to: string, hours: string) => string;
  areas: string;
  workTypes: string;
  workType: Record<WorkType, string>;
  description: string;
  competences: string;
  ratedBy: { MENTOR: string; SELF: string };
  placeDate: string;
  issuedBy: string;
  registration: string;
  verify: (code: string) => string;
  revoked: (on: string) => string;
  hours: (h: string) => string;
};

const TEXTS: Record<'sl' | 'en', Texts> = {
  sl: {
    title: 'Potrdilo o opravljenem prostovoljskem delu',
    law: 'v skladu s 25. členom Zakona o prostovoljstvu (ZProst)',
    number: 'Številka',
    certifies: 'potrjuje, da je',
    born: 'rojen/-a',
    period: (from, to, hours) => `v obdobju od ${from} do ${to} opravil/-a ${hours} prostovoljskega dela.`,
    areas: 'Področja prostovoljskega dela',
    workTypes: 'Vrste dela',
    workType: { ORGANISATIONAL: 'organizacijsko delo', CONTENT: 'vsebinsko delo', OTHER: 'drugo delo' },
    description: 'Opis dela',
    competences: 'Pridobljene kompetence (iz evalvacij)',
    ratedBy: { MENTOR: 'ocena mentorja', SELF: 'samoocena' },
    placeDate: 'Kraj in datum',
    issuedBy: 'Za organizacijo',
    registration: 'matična številka',
    verify: (code) => `Pristnost potrdila preverite s kodo ${code} (poizvedba verifyCertificate v Tandemu).`,
    revoked: (on) => `PREKLICANO ${on}: to potrdilo ne velja več.`,
    hours: (h) => `${h} ur`,
  },
  en: {
    title: 'Certificate of volunteer work',
    law: 'under Article 25 of the Slovenian Volunteering Act (ZProst)',
    number: 'Number',
    certifies: 'certifies that',
    born: 'born',
    period: (from, to, hours) => `did ${hours} of volunteer work from ${from} to ${to}.`,
    areas: 'Areas of volunteering',
    workTypes: 'Types of work',
    workType: { ORGANISATIONAL: 'organisational work', CONTENT: 'content work', OTHER: 'other work' },
    description: 'Description of the work',
    competences: 'Competences gained (from evaluations)',
    ratedBy: { MENTOR: "mentor's rating", SELF: 'self-assessment' },
    placeDate: 'Place and date',
    issuedBy: 'For the organisation',
    registration: 'registration number',
    verify: (code) =>
      `Check that this certificate is genuine with the code ${code} (verifyCertificate query in Tandem).`,
    revoked: (on) => `REVOKED on ${on}: this certificate is no longer valid.`,
    hours: (h) => `${h} hours`,
  },
};

/** 2026-03-05 as 5. 3. 2026 (Slovenian) or 5 March 2026 (English). */
function date(iso: string, locale: 'sl' | 'en'): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return locale === 'sl'
    ? `${d.getUTCDate()}. ${d.getUTCMonth() + 1}. ${d.getUTCFullYear()}`
    : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

function hours(minutes: number, locale: 'sl' | 'en'): string {
  const h = minutes / 60;
  const text = Number.isInteger(h) ? String(h) : h.toFixed(2).replace(/0$/, '');
  return locale === 'sl' ? text.replace('.', ',') : text;
}

/** The certificate as lines of text, the same for HTML and PDF. */
function content(p: Printable) {
  const s = p.snapshot;
  const L = s.locale === 'en' ? 'en' : 'sl';
  const T = TEXTS[L];
  const organization = [s.organization.name, s.organization.address, s.organization.city].filter(Boolean).join(', ');
  return {
    L,
    T,
    lang: L,
    title: T.title,
    law: T.law,
    number: `${T.number}: ${s.registerNumber}`,
    organization:
      organization +
      (s.organization.registrationNumber ? ` (${T.registration} ${s.organization.registrationNumber})` : ''),
    volunteer: s.volunteer.name,
    born: s.volunteer.birthDate ? `${T.born} ${date(s.volunteer.birthDate, L)}` : null,
    period: T.period(date(s.period.from, L), date(s.period.to, L), T.hours(hours(s.minutes, L))),
    areas: s.areas.map((a) => `${L === 'en' ? a.nameEn : a.nameSl}: ${T.hours(hours(a.minutes, L))}`),
    workTypes: s.workTypes.map((w) => `${T.workType[w.workType]}: ${T.hours(hours(w.minutes, L))}`),
    description: s.description,
    competences:
      s.competences?.map(
        (c) => `${L === 'en' ? c.nameEn : c.nameSl}: ${c.level}/${c.scaleMax} (${T.ratedBy[c.ratedBy]})`,
      ) ?? null,
    placeDate: `${T.placeDate}: ${s.organization.city}, ${date(s.issuedAt, L)}`,
    issuedBy: `${T.issuedBy}: ${s.issuedBy.name}${s.issuedBy.title ? `, ${s.issuedBy.title}` : ''}`,
    verify: T.verify(s.verificationCode),
    revoked: p.status === 'REVOKED' ? T.revoked(date((p.revokedAt ?? new Date()).toISOString(), L)) : null,
  };
}

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A whole HTML page for the browser's print dialog: A4, no site chrome, the verification code on the page. */
export function certificateHtml(p: Printable): string {
  const c = content(p);
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>`;
  const section = (heading: string, body: string) => `<section><h2>${escape(heading)}</h2>${body}</section>`;
  return `<!doctype html>
<html lang="${c.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(`${c.title} ${p.snapshot.registerNumber}`)}</title>
<style>
  :root { color: #1b1b1b; font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; }
  body { max-width: 44rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.5; }
  header { text-align: center; border-bottom: 2px solid #1b1b1b; padding-bottom: 1rem; margin-bottom: 1.5rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  h2 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
  .law, .number { margin: 0; color: #444; }
  .volunteer { font-size: 1.3rem; font-weight: bold; margin: .5rem 0 0; }
  .revoked { border: 3px solid #b00020; color: #b00020; font-weight: bold; padding: .75rem; text-align: center; }
  footer { margin-top: 2.5rem; }
  .signature { margin-top: 3rem; border-top: 1px solid #1b1b1b; width: 18rem; padding-top: .25rem; }
  .verify { margin-top: 2rem; font-size: .85rem; color: #444; }
  .code { font-family: "DejaVu Sans Mono", monospace; font-weight: bold; letter-spacing: .05em; }
  @page { size: A4; margin: 20mm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
    a { color: inherit; text-decoration: none; }
    section, footer { break-inside: avoid; }
  }
</style>
</head>
<body>
${c.revoked ? `<p class="revoked" role="alert">${escape(c.revoked)}</p>` : ''}
<header>
<h1>${escape(c.title)}</h1>
<p class="law">${escape(c.law)}</p>
<p class="number">${escape(c.number)}</p>
</header>
<main>
<p>${escape(c.organization)}</p>
<p>${escape(c.T.certifies)}</p>
<p class="volunteer">${escape(c.volunteer)}</p>
${c.born ? `<p>${escape(c.born)}</p>` : ''}
<p>${escape(c.period)}</p>
${c.areas.length ? section(c.T.areas, list(c.areas)) : ''}
${c.workTypes.length ? section(c.T.workTypes, list(c.workTypes)) : ''}
${section(c.T.description, `<p>${escape(c.description).replace(/\n/g, '<br>')}</p>`)}
${c.competences?.length ? section(c.T.competences, list(c.competences)) : ''}
</main>
<footer>
<p>${escape(c.placeDate)}</p>
<p class="signature">${escape(c.issuedBy)}</p>
<p class="verify">${escape(c.verify).replace(escape(p.snapshot.verificationCode), `<span class="code">${escape(p.snapshot.verificationCode)}</span>`)}</p>
</footer>
</body>
</html>
`;
}

const require = createRequire(import.meta.url);
/** DejaVu Sans from the npm package: it has č, š, ž and every other letter a name may hold, on any machine. */
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

/** The certificate as a one-page A4 PDF (more pages only if the description is very long). */
export async function certificatePdf(p: Printable): Promise<Buffer> {
  // pdfkit and its font engine hold about 12 MB: loaded on the first PDF, not at start.
  const { default: PDFDocument } = await import('pdfkit');
  const c = content(p);
  const issuedAt = new Date(p.snapshot.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    font: FONTS.regular,
    lang: c.lang,
    displayTitle: true,
    info: {
      Title: `${c.title} ${p.snapshot.registerNumber}`,
      Author: p.snapshot.organization.name,
      Subject: p.snapshot.verificationCode,
      Creator: 'Tandem',
      CreationDate: issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const width = doc.page.width - 112;

  if (c.revoked) {
    doc.font('bold').fontSize(12).fillColor('#b00020').text(c.revoked, { align: 'center', width });
    doc.moveDown().fillColor('#1b1b1b');
  }
  doc.font('bold').fontSize(18).text(c.title, { align: 'center', width });
  doc.font('regular').fontSize(10).fillColor('#444444').text(c.law, { align: 'center', width });
  doc.text(c.number, { align: 'center', width });
  doc.moveDown(1.5).fillColor('#1b1b1b').fontSize(11);
  doc.text(c.organization, { width });
  doc.moveDown(0.5).text(c.T.certifies, { width });
  doc.moveDown(0.5).font('bold').fontSize(15).text(c.volunteer, { width });
  doc.font('regular').fontSize(11);
  if (c.born) doc.text(c.born, { width });
  doc.moveDown(0.5).text(c.period, { width });
  const section = (heading: string, lines: string[], bullets = true) => {
    doc.moveDown(0.8).font('bold').text(heading, { width });
    doc.font('regular');
    for (const line of lines) doc.text(bullets ? `•  ${line}` : line, { width, indent: bullets ? 8 : 0 });
  };
  if (c.areas.length) section(c.T.areas, c.areas);
  if (c.workTypes.length) section(c.T.workTypes, c.workTypes);
  section(c.T.description, [c.description], false);
  if (c.competences?.length) section(c.T.competences, c.competences);
  doc.moveDown(2).text(c.placeDate, { width });
  doc.moveDown(2.5).text('______________________________', { width });
  doc.text(c.issuedBy, { width });
  doc.moveDown(2).fontSize(9).fillColor('#444444').text(c.verify, { width });
  doc.end();
  return done;
}
