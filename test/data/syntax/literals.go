package literals

//go:linkname nanotime runtime.nanotime
var ints = []int{42, 4_2, 0600, 0_600, 0o600, 0O600, 0xBadFace, 0xBad_Face, 0x_67_7a_2f_cc_40_c6, 0b1010, 0B_1}

var floats = []float64{0., 72.40, 072.40, 2.71828, 1.e+0, 6.67428e-11, 1E6, .25, .12345E+5, 1_5., 0.15e+0_2,
	0x1p-2, 0x2.p10, 0x1.Fp+0, 0X.8p-0, 0X_1FFFP-16}

var imags = []complex128{0i, 0123i, 0o123i, 0xabci, 0.i, 2.71828i, 1.e+0i, 6.67428e-11i, 1E6i, .25i, 0x1p-2i}

var runes = []rune{'a', 'ä', '本', '\t', '\000', '\007', '\377', '\x07', '\xff', '\u12e4', '\U00101234', '\'',
	'\a', '\b', '\f', '\n', '\r', '\v', '\\'}

var strings = []string{`abc`, `\n
\n`, "\n", "\"", "Hello, world!\n", "日本語", "\u65e5本\U00008a9e", "\xff\u00FF"}

/* a general comment
   spanning lines */ const after = 1 /* one line */ + 2
