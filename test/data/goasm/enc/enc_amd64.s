// Instructions of g1c's amd64 Go assembler, in a NOSPLIT function without a frame (so neither assembler
// adds a prologue): test/goasm.rs assembles this file with g1c and with gc's `go tool asm`, disassembles
// both with llvm-mc-14 and compares the instruction lists. No branches here: gc picks 8-bit
// displacements where g1c always writes 32-bit ones (test/data/goasm/prog runs its branches instead).
#include "textflag.h"

#define SHIFT 3

TEXT ·f(SB), NOSPLIT, $0-0
	MOVQ AX, BX
	MOVL R8, R15
	MOVW CX, DX
	MOVB SI, DI
	MOVQ $-1, AX
	MOVQ $0x123456789, R9
	MOVL $7, CX
	MOVQ 8(SP), AX
	MOVQ AX, -16(SP)
	MOVQ (SI)(DX*8), R10
	MOVB $'a', (DI)
	MOVBQZX (SI)(DX*1), AX
	MOVBLZX CL, DX
	MOVWQZX 2(BX), R11
	MOVWLZX AX, AX
	MOVLQZX (R12), R13
	MOVBQSX AL, BX
	MOVWQSX CX, DX
	MOVLQSX DI, SI
	LEAQ 16(SP), DI
	LEAQ (AX)(BX*4), CX
	LEAL 1(AX), DX
	ADDQ $1, AX
	ADDQ BX, AX
	ADDL (SI), DX
	SUBQ $(1<<SHIFT), SP
	SUBQ R8, R9
	ANDQ $0xff, CX
	ANDL $~7, DX
	ORQ AX, (DI)
	XORL AX, AX
	XORQ R15, R15
	CMPQ AX, $5
	CMPQ AX, BX
	CMPB (SI), $0
	CMPL 4(DI), CX
	TESTQ AX, AX
	TESTB $1, CL
	TESTL $0x80, (BX)
	INCQ DX
	DECL (R8)
	NEGQ AX
	NOTL CX
	SHLQ $SHIFT, AX
	SHRQ CX, BX
	SARL $1, DX
	SHLB $2, (SI)
	IMULQ BX, AX
	IMULL (SI), CX
	MULQ CX
	DIVQ BX
	IDIVL CX
	CQO
	CDQ
	PUSHQ BP
	POPQ BP
	SETEQ AL
	SETLT (DI)
	SETHI CL
	CMOVQEQ BX, AX
	CMOVLLT (SI), DX
	CPUID
	XGETBV
	RDTSC
	NOP
	MOVSD (SI), X0
	MOVSD X1, 8(DI)
	MOVSS X2, X3
	ADDSD X1, X0
	SUBSD (SI), X2
	MULSD X4, X5
	DIVSD X6, X7
	SQRTSD X8, X9
	ADDSS X1, X0
	UCOMISD X1, X0
	UCOMISS X3, X2
	XORPS X0, X0
	PXOR X9, X10
	CVTSQ2SD AX, X0
	CVTSL2SD CX, X1
	CVTTSD2SQ X0, AX
	CVTTSD2SL X1, CX
	CVTSS2SD X2, X3
	CVTSD2SS X4, X5
	MOVQ X0, AX
	MOVQ BX, X1
	MOVL X2, CX
	RET
