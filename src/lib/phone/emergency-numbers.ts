/**
 * Emergency numbers the service never dials. libphonenumber-js ships no short-number (emergency) data,
 * so the list is kept here, keyed by country calling code (a number like "+1911" is refused even though
 * it is not a valid number).
 *
 * Sources: 3GPP TS 22.101 §10.1.1 (112 and 911 are emergency numbers on every GSM/UMTS/LTE phone; 000, 08,
 * 110, 118, 119 and 999 on phones without a SIM); the `emergency` entries of libphonenumber's
 * ShortNumberMetadata.xml; ITU-T E.161.1 (112 and 911 as the harmonised numbers); national regulators'
 * lists as summarised in Wikipedia's "List of emergency telephone numbers" (checked 2026-11).
 * Extend it when the service is allowed to dial a new country (ALLOWED_DIAL_COUNTRIES).
 */

/** Dialled as bare digits, whatever the country: the 3GPP numbers. */
export const UNIVERSAL_EMERGENCY = ['112', '911', '000', '08', '110', '118', '119', '999'] as const;

/** National emergency short codes by country calling code (without the 3GPP numbers above). */
export const EMERGENCY_BY_CALLING_CODE: Readonly<Record<string, readonly string[]>> = {
  '1': ['911', '933'], // US, CA and NANP: 933 is the 911 test line
  '7': ['101', '102', '103', '104'], // RU, KZ
  '20': ['122', '123', '180'], // EG
  '27': ['10111', '10177'], // ZA
  '30': ['100', '166', '199'], // GR
  '31': [], // NL: 112
  '32': ['100', '101'], // BE
  '33': ['15', '17', '18', '114', '115', '116000', '191', '196', '197'], // FR
  '34': ['061', '080', '085', '088', '091', '092'], // ES
  '36': ['104', '105', '107'], // HU
  '39': ['113', '115', '118', '1530'], // IT
  '40': [], // RO: 112
  '41': ['117', '118', '144', '1414'], // CH
  '43': ['122', '128', '133', '140', '141', '144'], // AT
  '44': ['999'], // GB
  '45': ['114'], // DK
  '46': ['90000'], // SE
  '47': ['110', '112', '113'], // NO
  '48': ['997', '998', '999'], // PL
  '49': ['110'], // DE
  '51': ['105', '116'], // PE
  '52': ['060', '065', '066', '080'], // MX
  '53': ['104', '105', '106'], // CU
  '54': ['100', '101', '107'], // AR
  '55': ['190', '192', '193', '199'], // BR
  '56': ['131', '132', '133'], // CL
  '57': ['123'], // CO
  '60': ['994', '999'], // MY
  '61': ['000', '106'], // AU
  '62': ['110', '113', '118', '119'], // ID
  '63': ['117', '911'], // PH
  '64': ['111'], // NZ
  '65': ['995', '999'], // SG
  '66': ['191', '199', '1669'], // TH
  '81': ['110', '118', '119'], // JP
  '82': ['112', '119'], // KR
  '84': ['113', '114', '115'], // VN
  '86': ['110', '119', '120', '122'], // CN
  '90': ['110', '155', '156'], // TR
  '91': ['100', '101', '102', '108'], // IN
  '92': ['15', '115', '1122'], // PK
  '234': ['199'], // NG
  '254': ['999'], // KE
  '351': ['115'], // PT
  '353': ['999'], // IE
  '358': [], // FI: 112
  '852': ['999'], // HK
  '886': ['110', '119'], // TW
  '966': ['997', '998', '999'], // SA
  '971': ['997', '998', '999'], // AE
  '972': ['100', '101', '102'], // IL
};
