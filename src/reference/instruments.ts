/**
 * The Convention and its three Protocols, with the titles of their articles.
 *
 * Titles are the official English article headings, as far as the author knows them; the
 * provisions themselves are not reproduced here.
 */

export type InstrumentCode = 'UNTOC' | 'TIP' | 'SOM' | 'FA';

export const INSTRUMENT_CODES: readonly InstrumentCode[] = ['UNTOC', 'TIP', 'SOM', 'FA'];

export interface Article {
  readonly number: number;
  readonly title: string;
}

export interface Instrument {
  readonly code: InstrumentCode;
  readonly name: string;
  readonly shortName: string;
  readonly adoptedIn: number;
  readonly articles: readonly Article[];
}

/** Numbers the titles 1..n in order, so a title list cannot drift from its article numbers. */
function numbered(titles: readonly string[]): readonly Article[] {
  return titles.map((title, index) => ({ number: index + 1, title }));
}

const SUPPLEMENTING = 'supplementing the United Nations Convention against Transnational Organized Crime';
const RELATION = 'Relation with the United Nations Convention against Transnational Organized Crime';

export const INSTRUMENTS: readonly Instrument[] = [
  {
    code: 'UNTOC',
    name: 'United Nations Convention against Transnational Organized Crime',
    shortName: 'Organized Crime Convention',
    adoptedIn: 2000,
    articles: numbered([
      'Statement of purpose',
      'Use of terms',
      'Scope of application',
      'Protection of sovereignty',
      'Criminalization of participation in an organized criminal group',
      'Criminalization of the laundering of proceeds of crime',
      'Measures to combat money-laundering',
      'Criminalization of corruption',
      'Measures against corruption',
      'Liability of legal persons',
      'Prosecution, adjudication and sanctions',
      'Confiscation and seizure',
      'International cooperation for purposes of confiscation',
      'Disposal of confiscated proceeds of crime or property',
      'Jurisdiction',
      'Extradition',
      'Transfer of sentenced persons',
      'Mutual legal assistance',
      'Joint investigations',
      'Special investigative techniques',
      'Transfer of criminal proceedings',
      'Establishment of criminal record',
      'Criminalization of obstruction of justice',
      'Protection of witnesses',
      'Assistance to and protection of victims',
      'Measures to enhance cooperation with law enforcement authorities',
      'Law enforcement cooperation',
      'Collection, exchange and analysis of information on the nature of organized crime',
      'Training and technical assistance',
      'Other measures: implementation of the Convention through economic development and technical assistance',
      'Prevention',
      'Conference of the Parties to the Convention',
      'Secretariat',
      'Implementation of the Convention',
      'Settlement of disputes',
      'Signature, ratification, acceptance, approval and accession',
      'Relation with protocols',
      'Entry into force',
      'Amendment',
      'Denunciation',
      'Depositary and languages',
    ]),
  },
  {
    code: 'TIP',
    name: `Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, ${SUPPLEMENTING}`,
    shortName: 'Trafficking in Persons Protocol',
    adoptedIn: 2000,
    articles: numbered([
      RELATION,
      'Statement of purpose',
      'Use of terms',
      'Scope of application',
      'Criminalization',
      'Assistance to and protection of victims of trafficking in persons',
      'Status of victims of trafficking in persons in receiving States',
      'Repatriation of victims of trafficking in persons',
      'Prevention of trafficking in persons',
      'Information exchange and training',
      'Border measures',
      'Security and control of documents',
      'Legitimacy and validity of documents',
      'Saving clause',
      'Settlement of disputes',
      'Signature, ratification, acceptance, approval and accession',
      'Entry into force',
      'Amendment',
      'Denunciation',
      'Depositary and languages',
    ]),
  },
  {
    code: 'SOM',
    name: `Protocol against the Smuggling of Migrants by Land, Sea and Air, ${SUPPLEMENTING}`,
    shortName: 'Smuggling of Migrants Protocol',
    adoptedIn: 2000,
    articles: numbered([
      RELATION,
      'Statement of purpose',
      'Use of terms',
      'Scope of application',
      'Criminal liability of migrants',
      'Criminalization',
      'Cooperation',
      'Measures against the smuggling of migrants by sea',
      'Safeguard clauses',
      'Information',
      'Border measures',
      'Security and control of documents',
      'Legitimacy and validity of documents',
      'Training and technical cooperation',
      'Other prevention measures',
      'Protection and assistance measures',
      'Agreements and arrangements',
      'Return of smuggled migrants',
      'Saving clause',
      'Settlement of disputes',
      'Signature, ratification, acceptance, approval and accession',
      'Entry into force',
      'Amendment',
      'Denunciation',
      'Depositary and languages',
    ]),
  },
  {
    code: 'FA',
    name: `Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition, ${SUPPLEMENTING}`,
    shortName: 'Firearms Protocol',
    adoptedIn: 2001,
    articles: numbered([
      RELATION,
      'Statement of purpose',
      'Definitions',
      'Scope of application',
      'Criminalization',
      'Confiscation, seizure and disposal',
      'Record-keeping',
      'Marking of firearms',
      'Deactivation of firearms',
      'General requirements for export, import and transit licensing or authorization systems',
      'Security and preventive measures',
      'Information',
      'Cooperation',
      'Training and technical assistance',
      'Brokers and brokering',
      'Settlement of disputes',
      'Signature, ratification, acceptance, approval and accession',
      'Entry into force',
      'Amendment',
      'Denunciation',
      'Depositary and languages',
    ]),
  },
];

export function instrument(code: InstrumentCode): Instrument {
  const found = INSTRUMENTS.find((i) => i.code === code);
  if (!found) throw new Error(`unknown instrument ${code}`);
  return found;
}

export function isInstrumentCode(value: string): value is InstrumentCode {
  return (INSTRUMENT_CODES as readonly string[]).includes(value);
}

export function articleTitle(code: InstrumentCode, number: number): string | undefined {
  return INSTRUMENTS.find((i) => i.code === code)?.articles.find((a) => a.number === number)?.title;
}
