TEXT main.ops (./test.go:1)  size=288 frame=96 args=32
    ; ./test.go:1
    0000  55                             push rbp
    0001  48 89 e5                       mov rbp, rsp
    0004  48 83 ec 60                    sub rsp, 96
.L0:
    ; ./test.go:20
    0008  48 8d 45 10                    lea rax, [rbp + 16]
    000c  48 89 45 f8                    mov qword ptr [rbp - 8], rax
    0010  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0014  8b 01                          mov eax, dword ptr [rcx]
    0016  48 89 45 f0                    mov qword ptr [rbp - 16], rax
    001a  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    001e  8b 41 04                       mov eax, dword ptr [rcx + 4]
    0021  48 89 45 e8                    mov qword ptr [rbp - 24], rax
    ; ./test.go:21
    0025  8b 4d e8                       mov ecx, dword ptr [rbp - 24]
    0028  48 8b 45 f0                    mov rax, qword ptr [rbp - 16]
    002c  48 d3 e0                       shl rax, cl
    002f  31 d2                          xor edx, edx
    0031  48 83 f9 20                    cmp rcx, 32
    0035  48 0f 43 c2                    cmovae rax, rdx
    0039  48 89 45 e0                    mov qword ptr [rbp - 32], rax
    003d  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0041  48 8b 45 e0                    mov rax, qword ptr [rbp - 32]
    0045  89 41 08                       mov dword ptr [rcx + 8], eax
    ; ./test.go:22
    0048  8b 4d e8                       mov ecx, dword ptr [rbp - 24]
    004b  48 63 45 f0                    movsxd rax, dword ptr [rbp - 16]
    004f  ba 3f 00 00 00                 mov edx, 63
    0054  48 83 f9 3f                    cmp rcx, 63
    0058  48 0f 47 ca                    cmova rcx, rdx
    005c  48 d3 f8                       sar rax, cl
    005f  48 89 45 d8                    mov qword ptr [rbp - 40], rax
    0063  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0067  48 8b 45 d8                    mov rax, qword ptr [rbp - 40]
    006b  89 41 0c                       mov dword ptr [rcx + 12], eax
    ; ./test.go:23
    006e  8b 4d e8                       mov ecx, dword ptr [rbp - 24]
    0071  8b 45 f0                       mov eax, dword ptr [rbp - 16]
    0074  48 d3 e8                       shr rax, cl
    0077  31 d2                          xor edx, edx
    0079  48 83 f9 20                    cmp rcx, 32
    007d  48 0f 43 c2                    cmovae rax, rdx
    0081  48 89 45 d0                    mov qword ptr [rbp - 48], rax
    0085  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0089  48 8b 45 d0                    mov rax, qword ptr [rbp - 48]
    008d  89 41 10                       mov dword ptr [rcx + 16], eax
    ; ./test.go:24
    0090  48 63 45 f0                    movsxd rax, dword ptr [rbp - 16]
    0094  48 63 4d e8                    movsxd rcx, dword ptr [rbp - 24]
    0098  48 99                          cqo
    009a  48 f7 f9                       idiv rcx
.L1:
    009d  48 89 45 c8                    mov qword ptr [rbp - 56], rax
    00a1  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    00a5  48 8b 45 c8                    mov rax, qword ptr [rbp - 56]
    00a9  89 41 14                       mov dword ptr [rcx + 20], eax
    ; ./test.go:25
    00ac  48 63 45 f0                    movsxd rax, dword ptr [rbp - 16]
    00b0  48 63 4d e8                    movsxd rcx, dword ptr [rbp - 24]
    00b4  48 99                          cqo
    00b6  48 f7 f9                       idiv rcx
    00b9  48 89 d0                       mov rax, rdx
.L2:
    00bc  48 89 45 c0                    mov qword ptr [rbp - 64], rax
    00c0  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    00c4  48 8b 45 c0                    mov rax, qword ptr [rbp - 64]
    00c8  89 41 18                       mov dword ptr [rcx + 24], eax
    ; ./test.go:26
    00cb  8b 45 f0                       mov eax, dword ptr [rbp - 16]
    00ce  8b 4d e8                       mov ecx, dword ptr [rbp - 24]
    00d1  31 d2                          xor edx, edx
    00d3  48 f7 f1                       div rcx
    00d6  48 89 45 b8                    mov qword ptr [rbp - 72], rax
    00da  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    00de  48 8b 45 b8                    mov rax, qword ptr [rbp - 72]
    00e2  89 41 1c                       mov dword ptr [rcx + 28], eax
    00e5  48 63 45 f0                    movsxd rax, dword ptr [rbp - 16]
    00e9  48 89 45 b0                    mov qword ptr [rbp - 80], rax
    ; ./test.go:30
    00ed  48 8b 45 b0                    mov rax, qword ptr [rbp - 80]
    00f1  48 8b 4d b0                    mov rcx, qword ptr [rbp - 80]
    00f5  48 83 f9 ff                    cmp rcx, -1
    00f9  0f 85 08 00 00 00              jne .L4
    00ff  48 f7 d8                       neg rax
    0102  e9 05 00 00 00                 jmp .L3
.L4:
    0107  48 99                          cqo
    0109  48 f7 f9                       idiv rcx
.L3:
    010c  48 89 45 a8                    mov qword ptr [rbp - 88], rax
    0110  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0114  48 8b 45 a8                    mov rax, qword ptr [rbp - 88]
    0118  48 89 01                       mov qword ptr [rcx], rax
    011b  48 89 ec                       mov rsp, rbp
    011e  5d                             pop rbp
    011f  c3                             ret

