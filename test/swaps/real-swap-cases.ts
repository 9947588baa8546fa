/**
 * The expected reading of every real Helius object in shared/real-helius/swaps.json, for its
 * fee payer. The expected sides were worked out by hand from each object's `accountData` (and
 * checked against its `description` where Helius wrote one); the arithmetic is in each row's
 * `derivation`. Lamports: fee = the transaction's network fee, ATA = a new token account's
 * 2,039,280 rent. Shared by the unit test of the detection and the end-to-end test.
 */
import type { SwapEvidence, SwapSide } from "../../src/swaps/swap-record.js";

export const SOL = "So11111111111111111111111111111111111111112";
export const USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
export const USDT = "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB";
export const PUMP_87X = "87xQEvxvoLYHf1T6iPxkThUrX2mLD58SDt8KWEYJpump";
export const PUMP_7F9 = "7f9MXJTAjWuEb4k8N71LE4aBykEwTeeUuUYhhGz5pump";
export const PUMP_FQT = "FqTtkHEmrPhCaqrFtWZ83XpnmsT2oNgT6FupCVUFpump";
export const PUMP_44S = "44sVpouhWHXzADVsVUo863tvgmaw6LNQo25fYRs1pump";
export const BRAINROT = "HM9VaVVkqdJRWjMiRcLaGGSr88dj3coF3Dtx2xG2pump";
export const BODI = "9ky9gGxHiqUidFXvJ46muFgrJCweBiwKzamCidHmpump";
export const TOKEN_2GA = "2GaUUmQFCHSMLRMySzjvdqwLCcGVdUpcsQDanpjwmoon";
export const TOKEN_9HW = "9hWxtLoiCKz6BAKGzdCqTCE8w3ZkeMu2RBjiwDd5Vtuy";
export const DEVNET_GLZ = "GLZPY8BKvz4SskptWRpNZ29UJPmS9BYx1enRHUa9oSDx";

export function sol(amount: string, uiAmount: string): SwapSide {
  return { mint: SOL, amount, decimals: 9, uiAmount };
}

/** Every token in these objects has 6 decimals. */
export function token(mint: string, amount: string, uiAmount: string): SwapSide {
  return { mint, amount, decimals: 6, uiAmount };
}

export interface ExpectedSwap {
  sold: SwapSide[];
  bought: SwapSide[];
  detectedBy: SwapEvidence;
}

export interface RealCase {
  row: number;
  signature: string;
  what: string;
  /** The fee payer's swap with `detect: "both"`; `undefined`: not a swap for it. */
  swap?: ExpectedSwap;
  /** Found with `detect: "labels"` alone (the same record when found). */
  byLabels: boolean;
  /** Found with `detect: "balances"` alone. */
  byBalances: boolean;
  derivation: string;
}

export const REAL_CASES: RealCase[] = [
  {
    row: 1,
    signature:
      "D1Ju5byDRtwLJdDPFqKvTLSG7h1t5DDnV4Xbe7EaXXSPAvBk2QUd9KjDDDc8tJ29CnqBjr5m7NKPUhBYvV4yk4a",
    what: "SOL -> pump token on Raydium through a trading bot",
    swap: {
      sold: [sol("500999999", "0.500999999")],
      bought: [token(PUMP_87X, "197912174", "197.912174")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation:
      "SOL -504,039,279 + fee 1,000,000 + ATA 2,039,280 = -500,999,999: 0.495049504 to the " +
      "pool (the description's amount), 0.004950495 bot fee, 0.001 tip",
  },
  {
    row: 2,
    signature:
      "2mpAN2CW6ATHykZBR7iL1iYp5hbiorgcfF9Y9VdYLG4qSC77agzNAWBpfuyp1db6iKm92vqeZZBJpXsyWV11rpFH",
    what: "pump token -> SOL on Raydium through a router",
    swap: {
      sold: [token(PUMP_87X, "220779637", "220.779637")],
      bought: [sol("560039393", "0.560039393")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation:
      "SOL +560,033,393 + fee 6,000 = +560,039,393 = 0.575795695 from the pool (description) " +
      "- 0.005756302 and 0.01 paid to two fee accounts",
  },
  {
    row: 3,
    signature:
      "5QxpnVTy9YZqcSQLf7nd19EZsaZ9v2E1LhbxzYLvK62N46GPV7wRh5aeNHEezVxMxuhqs5pcfxmZSzDzF4xofDnq",
    what: "relayed Jupiter sell: the fee payer only passes the legs through",
    swap: {
      sold: [token(PUMP_87X, "38921995", "38.921995")],
      bought: [sol("101493352", "0.101493352")],
      detectedBy: "label",
    },
    byLabels: true,
    byBalances: false,
    derivation:
      "fee payer's SOL +502,466 + fee 1,005,000 = +1,507,466 (reimbursed by the trader 8HBDQP), " +
      "no token change: no trade of its own. Labelled, so sides come from events.swap, which " +
      "names the fee payer: tokenInputs 38921995, nativeOutput 101493352 (= description)",
  },
  {
    row: 4,
    signature:
      "3CMf4zyxvtcyrQSyFdeaLLm48Crh4GagesASBRBek7ti4Nf7FgxeNhB5qZhKh6Jkaj4a4nPTn3RYVm5kcfXZHK6P",
    what: "failed pump.fun trade",
    byLabels: false,
    byBalances: false,
    derivation: "transactionError Custom 6002; SOL -10,005,000 = the fee",
  },
  {
    row: 5,
    signature:
      "2ESGGKSuU53mayjvd49HpxoMeQNPRu4o2wDmsVJRB1mkje5NENG81xkdsone7jxf7XhEDdi2C1RfzE9B5AH25MZ6",
    what: "pump.fun withdrawal (migration)",
    byLabels: false,
    byBalances: false,
    derivation:
      "SOL +84,403,314,833 + fee 5,000 + ATA 2,039,280 = +84.405359113 and tokens " +
      "+206,900,000,000,000 raw: everything arrives, nothing is given up",
  },
  {
    row: 6,
    signature:
      "2JxfPrydxCdqcpogxmecxCoiWw22Et6bbDSNbwAgZinpRuigndH93pZZDUkw9VQiMegqdwQk2GxNDtstwj8wCpLg",
    what: "USDT -> pump token via Jupiter (two hops through SOL)",
    swap: {
      sold: [token(USDT, "23000000", "23")],
      bought: [token(PUMP_7F9, "2421992009685", "2421992.009685")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation:
      "USDT -23,000,000, token +2,421,992,009,685; SOL -3,044,279 + fee 504,999 + ATA " +
      "2,039,280 = -500,000: a 0.0005 SOL tip, below the 0.001 SOL dust line",
  },
  {
    row: 7,
    signature:
      "4z41ePijAWeoZmjvgLAx1XnNvSSvjTzbcKLaCn6TM9qS8SMNXEFfDF4c2EJNfreJRmiwMxrwmZ2qCwCdLoN65pVC",
    what: "failed Jupiter swap that still carries events.swap and transfers",
    byLabels: false,
    byBalances: false,
    derivation: "transactionError Custom 6001; SOL -350,389 = the fee",
  },
  {
    row: 8,
    signature:
      "5YwuwA8hgS1UNznQFkZtpFnqTpwjFzXRdYpU2dEkkBoLeE4WZ88WoCjkZ7d7JVKYy7evi3YSEySKkcUkeCb2Umzb",
    what: "USDC -> pump token via Jupiter, typed UNKNOWN, no events.swap",
    swap: {
      sold: [token(USDC, "50000000", "50")],
      bought: [token(PUMP_7F9, "4597950969978", "4597950.969978")],
      detectedBy: "balances",
    },
    byLabels: false,
    byBalances: true,
    derivation:
      "USDC -50,000,000 (49.575 to the pool + 0.425 fee), token +4,597,950,969,978; SOL " +
      "-2,844,280 + fee 805,000 + ATA 2,039,280 = 0",
  },
  {
    row: 9,
    signature:
      "3cMs5HhB6GW8GP3X4noQaEtfwTu2q6oR3nUnznPaPEKQ1ti2aBEwGYYTWoWZrPVkThmzkaxjpM4d3AvGJ7WWVeLx",
    what: "failed, unlabelled Jupiter swap",
    byLabels: false,
    byBalances: false,
    derivation: "transactionError Custom 6001; SOL -805,000 = the fee",
  },
  {
    row: 10,
    signature:
      "53zAuyR7WTModLisCivEmLBZU4vSsdNUnW4pt5eth3ZgStQoBgZiUVnEHGrLnKT3W6ptULPhrL9NqsCHZ779yWGK",
    what: "pump token -> SOL through a router",
    swap: {
      sold: [token(PUMP_7F9, "426970689300", "426970.6893")],
      bought: [sol("25142240", "0.02514224")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation:
      "SOL +24,950,252 + fee 191,988 = +25,142,240 = 0.025357781 from the pool - 0.000215541 " +
      "wrapped SOL fee",
  },
  {
    row: 11,
    signature:
      "2qhva2yF8AJHzxa2ANdJZ6NRDeE4Xxx6uiv5Jz5fYASmrMMjYhaQjADQUDSVindHZKXTVjKrmRgUBhbJwFVhffnA",
    what: "SOL -> pump token via Jupiter",
    swap: {
      sold: [sol("30000000", "0.03")],
      bought: [token(PUMP_FQT, "8711804507", "8711.804507")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation:
      "SOL -32,844,280 + fee 805,000 + ATA 2,039,280 = -30,000,000 = 0.029745 to the pool " +
      "(description) + 0.000255 platform fee",
  },
  {
    row: 12,
    signature:
      "2hUNXDt4F5TgFiySgdubost3TKDiP1Sva2xex9HUdqvAhY4Kk6Csq3Eym8hK33gqzy6MbMyHGmAVMExFdXsKbgdq",
    what: "USDC -> USDT -> SOL, two hops",
    swap: {
      sold: [token(USDC, "13279846", "13.279846")],
      bought: [sol("100000000", "0.1")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation: "USDC -13,279,846; SOL +99,940,015 + fee 59,985 = +100,000,000 (= description)",
  },
  {
    row: 13,
    signature:
      "3A6AA1o5aF7qdVEyUaKqR4cwPJuG5KFRAyu1tcc7LsfKZEvyaTs75QMG611y5Nkgb82fM6GgA7yGXHq99UHvkfDh",
    what: "SOL -> USDC through an intermediate token",
    swap: {
      sold: [sol("1452531235", "1.452531235")],
      bought: [token(USDC, "238630695", "238.630695")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation:
      "SOL -1,452,577,233 + fee 45,998 = -1,452,531,235 (= description); USDC +238,630,695",
  },
  {
    row: 14,
    signature:
      "2TG2oq9nxC2iKTPg3Gw49P8HHHGNR8A1dBhCoH1JPAwPj42KVLg73zLNMN4XDq3MeBWHFymRaYF1Hy6dTqVNvdDo",
    what: "USDC -> SOL through Meteora DLMM, with a wrapped SOL fee",
    swap: {
      sold: [token(USDC, "100000000", "100")],
      bought: [sol("661030656", "0.661030656")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation:
      "SOL +660,465,656 + fee 565,000 = +661,030,656 = 0.666361548 from the pool " +
      "(description) - 0.005330892 wrapped SOL fee; USDC -100,000,000",
  },
  {
    row: 15,
    signature:
      "4MRM3MQC3HEVQuCm3WfSJ7uomqXiFkjXig6rr1dxBmgLdBWhayhfFSmYFeBxFrMpKzhC3bNTvB8HWtubAeHUECP2",
    what: "USDC -> SOL split over four inner swaps",
    swap: {
      sold: [token(USDC, "161000000", "161")],
      bought: [sol("1122215063", "1.122215063")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation:
      "SOL +1,122,101,725 + fee 113,338 = +1,122,215,063 (= description); USDC -161,000,000",
  },
  {
    row: 16,
    signature:
      "2Zg4jTXoAaxjZrSRZ5Pgnw9PEC7JVGYXhft8RUVgW8hjDfwrKB55QmtkTMudkcAGiatnZvFZk46hpecupzLKMPY8",
    what: "merkle-distributor claim (receipt)",
    byLabels: false,
    byBalances: false,
    derivation:
      "SEND +1,500,000,000; SOL -4,293,080 + fee 305,000 + ATA 2,039,280 + 1,948,800 rent for " +
      "the claim record (a 152-byte account, (128 + 152) * 6,960) = 0: nothing given up",
  },
  {
    row: 17,
    signature:
      "4caYdHGJDXU8JAKak9tpLFY2Fgz8jQYW3Qi9xmfBMax2wYAvpehHQdjiJ6wjQkjs4vuDrwwroXdmCq4inUddLsY3",
    what: "SPL transfer out",
    byLabels: false,
    byBalances: false,
    derivation: "SEND -2,000,000; SOL -25,000 + fee 25,000 = 0: nothing received",
  },
  {
    row: 18,
    signature:
      "5g5rkbqii8rkHfgC8CWLDB2bBzKeoXcqmjyFbMvxUW9xXEEHnFc1QRqiG9eEcxdmLk6XgjVpJRnwYqqbWZKg3eBP",
    what: "two-leg sell: token -> USDC -> SOL; Helius reports only the second leg",
    swap: {
      sold: [token(TOKEN_2GA, "1986656546333", "1986656.546333")],
      bought: [sol("65071397", "0.065071397")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation:
      "2GaUUm -1,986,656,546,333; USDC in and out of the wallet nets 0; SOL +57,066,397 + fee " +
      "8,005,000 = +65,071,397 = 0.077849895 from the pool - 0.012 - 0.000778498 in fees",
  },
  {
    row: 19,
    signature:
      "4EeVbfsnYj9p9T4kwPJDKu2qi1PF9ixrFAgvs5kwZqBnssEUs1hpNBcfCV5iq3ZkzuZJo1Re3sWaanQRvMbb9fR",
    what: "two-leg buy: SOL -> USDC -> token; Helius reports only the first leg",
    swap: {
      sold: [sol("2012000000", "2.012")],
      bought: [token(TOKEN_2GA, "1986656546333", "1986656.546333")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation:
      "SOL -2,022,044,280 + fee 8,005,000 + ATA 2,039,280 = -2,012,000,000 = 1.98 to the pool " +
      "+ 0.012 + 0.02 in fees; 2GaUUm +1,986,656,546,333",
  },
  {
    row: 20,
    signature:
      "4cSywbWbDmvZKLza5gAUYCKWs9nhuBEMxX17jRKbdK9WPHpqNh89MfgtpQ4PyttP4E8ScVjKPZ2zR3cdQqrQabaG",
    what: "0.01 SOL -> Bodi on Raydium",
    swap: {
      sold: [sol("10000000", "0.01")],
      bought: [token(BODI, "18663358445", "18663.358445")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation: "SOL -10,036,298 + fee 36,298 = -10,000,000 (= description); Bodi +18,663,358,445",
  },
  {
    row: 21,
    signature:
      "5RvdPbXtbP2JTAN5J1h5WW5TB3y2ykGfn6XNYRxWzy6rPGtHuoM6HvUxRz6UqUYi4EqVfrjV13rsmrz2fzyMpRSc",
    what: "pump.fun buy that Helius labels TRANSFER",
    swap: {
      sold: [sol("1623762315", "1.623762315")],
      bought: [token(BRAINROT, "5048448040797", "5048448.040797")],
      detectedBy: "balances",
    },
    byLabels: false,
    byBalances: true,
    derivation:
      "SOL -1,625,811,596 + fee 10,001 + ATA 2,039,280 = -1,623,762,315 = 1.592833976 to the " +
      "curve + 0.015928339 + 0.015 in fees; BRAINROT +5,048,448,040,797",
  },
  {
    row: 22,
    signature:
      "5gf6fduSgAssqxYpgRzcCHWcg7yKTdtynsYxU4x7B25YANEKZDFRvFtq22FaGaqReftbErAijndSfcNnSXiW2WZN",
    what: "devnet Meteora DBC buy labelled TRANSFER",
    swap: {
      sold: [sol("200000000", "0.2")],
      bought: [token(DEVNET_GLZ, "322281812767019", "322281812.767019")],
      detectedBy: "balances",
    },
    byLabels: false,
    byBalances: true,
    derivation:
      "SOL -202,119,280 + fee 80,000 + ATA 2,039,280 = -200,000,000; GLZPY8 +322,281,812,767,019",
  },
  {
    row: 23,
    signature:
      "5cfHQeyTUkqEWCYxauctTm9bKH5x8RCQGKkWHpbBuiqeadcEvoMkEXNTYZWoHPuvctQRoG7BEXEVMc9MPJrNhtBf",
    what: "devnet Meteora DBC sell, UNKNOWN",
    swap: {
      sold: [token(DEVNET_GLZ, "322281812000000", "322281812")],
      bought: [sol("191296014", "0.191296014")],
      detectedBy: "balances",
    },
    byLabels: false,
    byBalances: true,
    derivation: "GLZPY8 -322,281,812,000,000; SOL +191,216,014 + fee 80,000 = +191,296,014",
  },
  {
    row: 24,
    signature:
      "28uuEn1518R6trARqBRPC4cDxCKUwP9zx9GNrzMaLiWoqKtSQUzZsGWhpzLwBvNTnaT9JuJaMyfrSGwJgjDkhN3r",
    what: "devnet Meteora DAMM v2 buy labelled TRANSFER",
    swap: {
      sold: [sol("1000000000", "1")],
      bought: [token(DEVNET_GLZ, "98989904042605", "98989904.042605")],
      detectedBy: "balances",
    },
    byLabels: false,
    byBalances: true,
    derivation: "SOL -1,000,505,000 + fee 505,000 = -1,000,000,000; GLZPY8 +98,989,904,042,605",
  },
  {
    row: 25,
    signature:
      "66cZgGQey59s3GK4QvrxG1rRRpw1VANrcpym7EntkWaXof2tENbTXU8Efhk2HLbp9tLjUCb5dRqGwLkKioYJMvPB",
    what: "devnet DAMM v2 sell of 1,000 tokens for 0.00001913 SOL",
    swap: {
      sold: [token(DEVNET_GLZ, "1000000000", "1000")],
      bought: [sol("19130", "0.00001913")],
      detectedBy: "balances",
    },
    byLabels: false,
    byBalances: true,
    derivation:
      "GLZPY8 -1,000,000,000; SOL -60,870 + fee 80,000 = +19,130: below the dust line, but the " +
      "only thing received, so a (tiny) sale",
  },
  {
    row: 26,
    signature:
      "2tyk5gjkr7io8t1vrN45TkRQzbKkDofvwhegeCh5G5ohGQXszH1oyVmESHrK4MQeeV7x6sUtmq76AXNaB4j4qe63",
    what: "PumpSwap buy, abridged (the fee payer's entries survive)",
    swap: {
      sold: [sol("20260000004", "20.260000004")],
      bought: [token(TOKEN_9HW, "19418974012530", "19418974.01253")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation:
      "SOL -20,262,269,285 + fee 230,001 + ATA 2,039,280 = -20,260,000,004: 20.040000002 " +
      "wrapped to the pool + 0.2 bot fee + 0.020000002 the abridged transfers no longer show",
  },
  {
    row: 27,
    signature:
      "5PQ9Ucqg64uZihjc3aJ47MpkLdYktDphsReR5EuUyEr5unJsu2K8Uj3SFZWiEznvN83ZgNUr5oWF7wsUPe2Ugco",
    what: "PumpSwap sell, abridged",
    swap: {
      sold: [token(PUMP_44S, "3666988222932", "3666988.222932")],
      bought: [sol("11150507860", "11.15050786")],
      detectedBy: "both",
    },
    byLabels: true,
    byBalances: true,
    derivation:
      "SOL +11,143,002,859 + fee 7,505,001 = +11,150,507,860 = 11.263971513 unwrapped from the " +
      "pool - 0.113463653 bot fee; token -3,666,988,222,932",
  },
  {
    row: 28,
    signature:
      "36nYCni1s26afLuHq7oTbc88iEdA8eojLRBWYcFPJmWuZanQJ1mrC9cU9fhGJvpPRW3cUs9ZYxmkFq8dQ2KP2Zv5",
    what: "fee-only program call",
    byLabels: false,
    byBalances: false,
    derivation: "SOL -5,199 = the fee; nothing else moves",
  },
  {
    row: 29,
    signature:
      "3S5qvcoSvmrQpET9hHe7HkdwM2gcnfw3JvNggdiRTEHBhTXFT4P6evChpc7Dt8hu4UaNoAz6XHhHAXLfepbo2rag",
    what: "SOL transfer paid for by another account",
    byLabels: false,
    byBalances: false,
    derivation: "fee payer's SOL -2,415,000 = the fee",
  },
];
