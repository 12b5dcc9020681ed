/**
 * Parties to the United Nations Convention against Transnational Organized Crime (UNTOC).
 *
 * This table is the project's own compilation, written from the author's knowledge; it is not
 * copied from any dataset. The participation flags for the three Protocols (TIP, SOM, FA) are as
 * of the author's knowledge and may be out of date or wrong for some parties: they are data, meant
 * to be corrected by the secretariat, and no code should depend on a particular party's flags.
 * Dates of ratification, accession or succession are NOT recorded in this table; party status
 * that changes over time belongs in stored, dated records built from it.
 *
 * Codes are ISO 3166-1 alpha-3 and alpha-2. The European Union, a regional economic integration
 * organization, uses 'EUU' / 'EU'. Parties outside the UN regional groups (State of Palestine,
 * Holy See, Cook Islands, Niue, European Union) have `regionalGroup: null`; the lot draw needs an
 * explicit rule for them.
 *
 * Protocols are written as a string: T = Trafficking in Persons, S = Smuggling of Migrants,
 * F = Firearms. Every entry is a party to the Convention itself.
 */
import type { InstrumentCode } from './instruments.js';
import type { RegionalGroup } from './regional-groups.js';

export interface PartyRecord {
  iso3: string;
  iso2: string | null;
  nameEn: string;
  regionalGroup: RegionalGroup | null;
  unMember: boolean;
  kind: 'state' | 'reio';
  instruments: Record<InstrumentCode, boolean>;
}

type Protocols = '' | 'T' | 'S' | 'F' | 'TS' | 'TF' | 'SF' | 'TSF';

const AF: RegionalGroup = 'African';
const AP: RegionalGroup = 'Asia-Pacific';
const EE: RegionalGroup = 'Eastern European';
const LA: RegionalGroup = 'Latin American and Caribbean';
const WE: RegionalGroup = 'Western European and others';

function flags(protocols: Protocols): Record<InstrumentCode, boolean> {
  return {
    UNTOC: true,
    TIP: protocols.includes('T'),
    SOM: protocols.includes('S'),
    FA: protocols.includes('F'),
  };
}

/** A UN Member State party. */
function p(iso3: string, iso2: string, nameEn: string, regionalGroup: RegionalGroup, protocols: Protocols): PartyRecord {
  return { iso3, iso2, nameEn, regionalGroup, unMember: true, kind: 'state', instruments: flags(protocols) };
}

/** A State party that is not a UN Member State, and so belongs to no regional group. */
function nonMember(iso3: string, iso2: string, nameEn: string, protocols: Protocols): PartyRecord {
  return { iso3, iso2, nameEn, regionalGroup: null, unMember: false, kind: 'state', instruments: flags(protocols) };
}

export const PARTIES: readonly PartyRecord[] = [
  p('AFG', 'AF', 'Afghanistan', AP, 'TS'),
  p('ALB', 'AL', 'Albania', EE, 'TSF'),
  p('DZA', 'DZ', 'Algeria', AF, 'TSF'),
  p('AND', 'AD', 'Andorra', WE, 'T'),
  p('AGO', 'AO', 'Angola', AF, 'TS'),
  p('ATG', 'AG', 'Antigua and Barbuda', LA, 'TSF'),
  p('ARG', 'AR', 'Argentina', LA, 'TSF'),
  p('ARM', 'AM', 'Armenia', EE, 'TSF'),
  p('AUS', 'AU', 'Australia', WE, 'TS'),
  p('AUT', 'AT', 'Austria', WE, 'TSF'),
  p('AZE', 'AZ', 'Azerbaijan', EE, 'TSF'),
  p('BHS', 'BS', 'Bahamas', LA, 'TSF'),
  p('BHR', 'BH', 'Bahrain', AP, 'T'),
  p('BGD', 'BD', 'Bangladesh', AP, 'T'),
  p('BRB', 'BB', 'Barbados', LA, 'TS'),
  p('BLR', 'BY', 'Belarus', EE, 'TSF'),
  p('BEL', 'BE', 'Belgium', WE, 'TSF'),
  p('BLZ', 'BZ', 'Belize', LA, 'TSF'),
  p('BEN', 'BJ', 'Benin', AF, 'TSF'),
  p('BTN', 'BT', 'Bhutan', AP, 'T'),
  p('BOL', 'BO', 'Bolivia (Plurinational State of)', LA, 'TSF'),
  p('BIH', 'BA', 'Bosnia and Herzegovina', EE, 'TSF'),
  p('BWA', 'BW', 'Botswana', AF, 'TSF'),
  p('BRA', 'BR', 'Brazil', LA, 'TSF'),
  p('BRN', 'BN', 'Brunei Darussalam', AP, 'T'),
  p('BGR', 'BG', 'Bulgaria', EE, 'TSF'),
  p('BFA', 'BF', 'Burkina Faso', AF, 'TSF'),
  p('BDI', 'BI', 'Burundi', AF, 'TSF'),
  p('CPV', 'CV', 'Cabo Verde', AF, 'TSF'),
  p('KHM', 'KH', 'Cambodia', AP, 'TSF'),
  p('CMR', 'CM', 'Cameroon', AF, 'TSF'),
  p('CAN', 'CA', 'Canada', WE, 'TS'),
  p('CAF', 'CF', 'Central African Republic', AF, 'TSF'),
  p('TCD', 'TD', 'Chad', AF, 'TS'),
  p('CHL', 'CL', 'Chile', LA, 'TSF'),
  p('CHN', 'CN', 'China', AP, 'T'),
  p('COL', 'CO', 'Colombia', LA, 'TSF'),
  p('COM', 'KM', 'Comoros', AF, 'TF'),
  p('CRI', 'CR', 'Costa Rica', LA, 'TSF'),
  p('CIV', 'CI', "Côte d'Ivoire", AF, 'TSF'),
  p('HRV', 'HR', 'Croatia', EE, 'TSF'),
  p('CUB', 'CU', 'Cuba', LA, 'TSF'),
  p('CYP', 'CY', 'Cyprus', AP, 'TSF'),
  p('CZE', 'CZ', 'Czechia', EE, 'TSF'),
  p('PRK', 'KP', "Democratic People's Republic of Korea", AP, ''),
  p('COD', 'CD', 'Democratic Republic of the Congo', AF, 'TSF'),
  p('DNK', 'DK', 'Denmark', WE, 'TSF'),
  p('DJI', 'DJ', 'Djibouti', AF, 'TS'),
  p('DMA', 'DM', 'Dominica', LA, 'TSF'),
  p('DOM', 'DO', 'Dominican Republic', LA, 'TSF'),
  p('ECU', 'EC', 'Ecuador', LA, 'TSF'),
  p('EGY', 'EG', 'Egypt', AF, 'TS'),
  p('SLV', 'SV', 'El Salvador', LA, 'TSF'),
  p('GNQ', 'GQ', 'Equatorial Guinea', AF, 'TS'),
  p('ERI', 'ER', 'Eritrea', AF, 'TS'),
  p('EST', 'EE', 'Estonia', EE, 'TSF'),
  p('SWZ', 'SZ', 'Eswatini', AF, 'TSF'),
  p('ETH', 'ET', 'Ethiopia', AF, 'TS'),
  p('FJI', 'FJ', 'Fiji', AP, 'TS'),
  p('FIN', 'FI', 'Finland', WE, 'TSF'),
  p('FRA', 'FR', 'France', WE, 'TSF'),
  p('GAB', 'GA', 'Gabon', AF, 'TSF'),
  p('GMB', 'GM', 'Gambia', AF, 'TS'),
  p('GEO', 'GE', 'Georgia', EE, 'TSF'),
  p('DEU', 'DE', 'Germany', WE, 'TSF'),
  p('GHA', 'GH', 'Ghana', AF, 'TS'),
  p('GRC', 'GR', 'Greece', WE, 'TSF'),
  p('GRD', 'GD', 'Grenada', LA, 'TSF'),
  p('GTM', 'GT', 'Guatemala', LA, 'TSF'),
  p('GIN', 'GN', 'Guinea', AF, 'TSF'),
  p('GNB', 'GW', 'Guinea-Bissau', AF, 'TSF'),
  p('GUY', 'GY', 'Guyana', LA, 'TSF'),
  p('HTI', 'HT', 'Haiti', LA, 'TS'),
  p('HND', 'HN', 'Honduras', LA, 'TSF'),
  p('HUN', 'HU', 'Hungary', EE, 'TSF'),
  p('ISL', 'IS', 'Iceland', WE, 'TS'),
  p('IND', 'IN', 'India', AP, 'TS'),
  p('IDN', 'ID', 'Indonesia', AP, 'TS'),
  p('IRQ', 'IQ', 'Iraq', AP, 'TSF'),
  p('IRL', 'IE', 'Ireland', WE, 'T'),
  p('ISR', 'IL', 'Israel', WE, 'T'),
  p('ITA', 'IT', 'Italy', WE, 'TSF'),
  p('JAM', 'JM', 'Jamaica', LA, 'TSF'),
  p('JPN', 'JP', 'Japan', AP, 'TS'),
  p('JOR', 'JO', 'Jordan', AP, 'T'),
  p('KAZ', 'KZ', 'Kazakhstan', AP, 'TSF'),
  p('KEN', 'KE', 'Kenya', AF, 'TSF'),
  p('KIR', 'KI', 'Kiribati', AP, 'TSF'),
  p('KWT', 'KW', 'Kuwait', AP, 'TSF'),
  p('KGZ', 'KG', 'Kyrgyzstan', AP, 'TSF'),
  p('LAO', 'LA', "Lao People's Democratic Republic", AP, 'TS'),
  p('LVA', 'LV', 'Latvia', EE, 'TSF'),
  p('LBN', 'LB', 'Lebanon', AP, 'TSF'),
  p('LSO', 'LS', 'Lesotho', AF, 'TSF'),
  p('LBR', 'LR', 'Liberia', AF, 'TSF'),
  p('LBY', 'LY', 'Libya', AF, 'TSF'),
  p('LIE', 'LI', 'Liechtenstein', WE, 'TSF'),
  p('LTU', 'LT', 'Lithuania', EE, 'TSF'),
  p('LUX', 'LU', 'Luxembourg', WE, 'TSF'),
  p('MDG', 'MG', 'Madagascar', AF, 'TSF'),
  p('MWI', 'MW', 'Malawi', AF, 'TSF'),
  p('MYS', 'MY', 'Malaysia', AP, 'T'),
  p('MDV', 'MV', 'Maldives', AP, 'T'),
  p('MLI', 'ML', 'Mali', AF, 'TSF'),
  p('MLT', 'MT', 'Malta', WE, 'TSF'),
  p('MHL', 'MH', 'Marshall Islands', AP, 'T'),
  p('MRT', 'MR', 'Mauritania', AF, 'TSF'),
  p('MUS', 'MU', 'Mauritius', AF, 'TSF'),
  p('MEX', 'MX', 'Mexico', LA, 'TSF'),
  p('FSM', 'FM', 'Micronesia (Federated States of)', AP, 'T'),
  p('MCO', 'MC', 'Monaco', WE, 'TS'),
  p('MNG', 'MN', 'Mongolia', AP, 'TF'),
  p('MNE', 'ME', 'Montenegro', EE, 'TSF'),
  p('MAR', 'MA', 'Morocco', AF, 'TS'),
  p('MOZ', 'MZ', 'Mozambique', AF, 'TSF'),
  p('MMR', 'MM', 'Myanmar', AP, 'TSF'),
  p('NAM', 'NA', 'Namibia', AF, 'TSF'),
  p('NRU', 'NR', 'Nauru', AP, 'TSF'),
  p('NPL', 'NP', 'Nepal', AP, 'T'),
  p('NLD', 'NL', 'Netherlands (Kingdom of the)', WE, 'TSF'),
  p('NZL', 'NZ', 'New Zealand', WE, 'TS'),
  p('NIC', 'NI', 'Nicaragua', LA, 'TSF'),
  p('NER', 'NE', 'Niger', AF, 'TSF'),
  p('NGA', 'NG', 'Nigeria', AF, 'TSF'),
  p('MKD', 'MK', 'North Macedonia', EE, 'TSF'),
  p('NOR', 'NO', 'Norway', WE, 'TSF'),
  p('OMN', 'OM', 'Oman', AP, 'TSF'),
  p('PAK', 'PK', 'Pakistan', AP, ''),
  p('PLW', 'PW', 'Palau', AP, ''),
  p('PAN', 'PA', 'Panama', LA, 'TSF'),
  p('PRY', 'PY', 'Paraguay', LA, 'TSF'),
  p('PER', 'PE', 'Peru', LA, 'TSF'),
  p('PHL', 'PH', 'Philippines', AP, 'TS'),
  p('POL', 'PL', 'Poland', EE, 'TSF'),
  p('PRT', 'PT', 'Portugal', WE, 'TSF'),
  p('QAT', 'QA', 'Qatar', AP, 'T'),
  p('KOR', 'KR', 'Republic of Korea', AP, 'TS'),
  p('MDA', 'MD', 'Republic of Moldova', EE, 'TSF'),
  p('ROU', 'RO', 'Romania', EE, 'TSF'),
  p('RUS', 'RU', 'Russian Federation', EE, 'TS'),
  p('RWA', 'RW', 'Rwanda', AF, 'TSF'),
  p('KNA', 'KN', 'Saint Kitts and Nevis', LA, 'TSF'),
  p('LCA', 'LC', 'Saint Lucia', LA, 'TS'),
  p('VCT', 'VC', 'Saint Vincent and the Grenadines', LA, 'TSF'),
  p('WSM', 'WS', 'Samoa', AP, 'T'),
  p('SMR', 'SM', 'San Marino', WE, 'TS'),
  p('STP', 'ST', 'Sao Tome and Principe', AF, 'TSF'),
  p('SAU', 'SA', 'Saudi Arabia', AP, 'TS'),
  p('SEN', 'SN', 'Senegal', AF, 'TSF'),
  p('SRB', 'RS', 'Serbia', EE, 'TSF'),
  p('SYC', 'SC', 'Seychelles', AF, 'TSF'),
  p('SLE', 'SL', 'Sierra Leone', AF, 'TSF'),
  p('SGP', 'SG', 'Singapore', AP, 'T'),
  p('SVK', 'SK', 'Slovakia', EE, 'TSF'),
  p('SVN', 'SI', 'Slovenia', EE, 'TSF'),
  p('SOM', 'SO', 'Somalia', AF, ''),
  p('ZAF', 'ZA', 'South Africa', AF, 'TSF'),
  p('ESP', 'ES', 'Spain', WE, 'TSF'),
  p('LKA', 'LK', 'Sri Lanka', AP, 'T'),
  p('SDN', 'SD', 'Sudan', AF, 'T'),
  p('SUR', 'SR', 'Suriname', LA, 'TSF'),
  p('SWE', 'SE', 'Sweden', WE, 'TSF'),
  p('CHE', 'CH', 'Switzerland', WE, 'TSF'),
  p('SYR', 'SY', 'Syrian Arab Republic', AP, 'TS'),
  p('TJK', 'TJ', 'Tajikistan', AP, 'TSF'),
  p('THA', 'TH', 'Thailand', AP, 'T'),
  p('TLS', 'TL', 'Timor-Leste', AP, 'T'),
  p('TGO', 'TG', 'Togo', AF, 'TSF'),
  p('TON', 'TO', 'Tonga', AP, ''),
  p('TTO', 'TT', 'Trinidad and Tobago', LA, 'TSF'),
  p('TUN', 'TN', 'Tunisia', AF, 'TS'),
  p('TUR', 'TR', 'Türkiye', WE, 'TSF'),
  p('TKM', 'TM', 'Turkmenistan', AP, 'TSF'),
  p('UGA', 'UG', 'Uganda', AF, 'T'),
  p('UKR', 'UA', 'Ukraine', EE, 'TSF'),
  p('ARE', 'AE', 'United Arab Emirates', AP, 'T'),
  p('GBR', 'GB', 'United Kingdom of Great Britain and Northern Ireland', WE, 'TS'),
  p('TZA', 'TZ', 'United Republic of Tanzania', AF, 'TSF'),
  p('USA', 'US', 'United States of America', WE, 'TS'),
  p('URY', 'UY', 'Uruguay', LA, 'TSF'),
  p('UZB', 'UZ', 'Uzbekistan', AP, 'T'),
  p('VUT', 'VU', 'Vanuatu', AP, 'T'),
  p('VEN', 'VE', 'Venezuela (Bolivarian Republic of)', LA, 'TSF'),
  p('VNM', 'VN', 'Viet Nam', AP, 'T'),
  p('YEM', 'YE', 'Yemen', AP, ''),
  p('ZMB', 'ZM', 'Zambia', AF, 'TSF'),
  p('ZWE', 'ZW', 'Zimbabwe', AF, 'TSF'),

  // States parties that are not UN Member States, and so belong to no regional group.
  nonMember('COK', 'CK', 'Cook Islands', ''),
  nonMember('VAT', 'VA', 'Holy See', ''),
  nonMember('NIU', 'NU', 'Niue', ''),
  nonMember('PSE', 'PS', 'State of Palestine', ''),

  // The European Union takes part as a regional economic integration organization.
  { iso3: 'EUU', iso2: 'EU', nameEn: 'European Union', regionalGroup: null, unMember: false, kind: 'reio', instruments: flags('TSF') },
];

const BY_ISO3: ReadonlyMap<string, PartyRecord> = new Map(PARTIES.map((party) => [party.iso3, party]));

export function partyByIso3(code: string): PartyRecord | undefined {
  return BY_ISO3.get(code.toUpperCase());
}

export function partiesOf(instrument: InstrumentCode): readonly PartyRecord[] {
  return PARTIES.filter((party) => party.instruments[instrument]);
}
