TEXT main.ops (./test.go:1)  size=330 frame=96 args=32
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 98                 lea rax, [rsp - 104]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 20 01 00 00              jb .L2
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
    0016  48 83 ec 60                    sub rsp, 96
.L0:
    ; ./test.go:20
    001a  48 8d 45 10                    lea rax, [rbp + 16]
    001e  48 89 45 f8                    mov qword ptr [rbp - 8], rax
    0022  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0026  8b 01                          mov eax, dword ptr [rcx]
    0028  48 89 45 f0                    mov qword ptr [rbp - 16], rax
    002c  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0030  8b 41 04                       mov eax, dword ptr [rcx + 4]
    0033  48 89 45 e8                    mov qword ptr [rbp - 24], rax
    ; ./test.go:21
    0037  8b 4d e8                       mov ecx, dword ptr [rbp - 24]
    003a  48 8b 45 f0                    mov rax, qword ptr [rbp - 16]
    003e  48 d3 e0                       shl rax, cl
    0041  31 d2                          xor edx, edx
    0043  48 83 f9 20                    cmp rcx, 32
    0047  48 0f 43 c2                    cmovae rax, rdx
    004b  48 89 45 e0                    mov qword ptr [rbp - 32], rax
    004f  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0053  48 8b 45 e0                    mov rax, qword ptr [rbp - 32]
    0057  89 41 08                       mov dword ptr [rcx + 8], eax
    ; ./test.go:22
    005a  8b 4d e8                       mov ecx, dword ptr [rbp - 24]
    005d  48 63 45 f0                    movsxd rax, dword ptr [rbp - 16]
    0061  ba 3f 00 00 00                 mov edx, 63
    0066  48 83 f9 3f                    cmp rcx, 63
    006a  48 0f 47 ca                    cmova rcx, rdx
    006e  48 d3 f8                       sar rax, cl
    0071  48 89 45 d8                    mov qword ptr [rbp - 40], rax
    0075  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0079  48 8b 45 d8                    mov rax, qword ptr [rbp - 40]
    007d  89 41 0c                       mov dword ptr [rcx + 12], eax
    ; ./test.go:23
    0080  8b 4d e8                       mov ecx, dword ptr [rbp - 24]
    0083  8b 45 f0                       mov eax, dword ptr [rbp - 16]
    0086  48 d3 e8                       shr rax, cl
    0089  31 d2                          xor edx, edx
    008b  48 83 f9 20                    cmp rcx, 32
    008f  48 0f 43 c2                    cmovae rax, rdx
    0093  48 89 45 d0                    mov qword ptr [rbp - 48], rax
    0097  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    009b  48 8b 45 d0                    mov rax, qword ptr [rbp - 48]
    009f  89 41 10                       mov dword ptr [rcx + 16], eax
    ; ./test.go:24
    00a2  48 63 45 f0                    movsxd rax, dword ptr [rbp - 16]
    00a6  48 63 4d e8                    movsxd rcx, dword ptr [rbp - 24]
    00aa  48 99                          cqo
    00ac  48 f7 f9                       idiv rcx
.L3:
    00af  48 89 45 c8                    mov qword ptr [rbp - 56], rax
    00b3  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    00b7  48 8b 45 c8                    mov rax, qword ptr [rbp - 56]
    00bb  89 41 14                       mov dword ptr [rcx + 20], eax
    ; ./test.go:25
    00be  48 63 45 f0                    movsxd rax, dword ptr [rbp - 16]
    00c2  48 63 4d e8                    movsxd rcx, dword ptr [rbp - 24]
    00c6  48 99                          cqo
    00c8  48 f7 f9                       idiv rcx
    00cb  48 89 d0                       mov rax, rdx
.L4:
    00ce  48 89 45 c0                    mov qword ptr [rbp - 64], rax
    00d2  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    00d6  48 8b 45 c0                    mov rax, qword ptr [rbp - 64]
    00da  89 41 18                       mov dword ptr [rcx + 24], eax
    ; ./test.go:26
    00dd  8b 45 f0                       mov eax, dword ptr [rbp - 16]
    00e0  8b 4d e8                       mov ecx, dword ptr [rbp - 24]
    00e3  31 d2                          xor edx, edx
    00e5  48 f7 f1                       div rcx
    00e8  48 89 45 b8                    mov qword ptr [rbp - 72], rax
    00ec  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    00f0  48 8b 45 b8                    mov rax, qword ptr [rbp - 72]
    00f4  89 41 1c                       mov dword ptr [rcx + 28], eax
    00f7  48 63 45 f0                    movsxd rax, dword ptr [rbp - 16]
    00fb  48 89 45 b0                    mov qword ptr [rbp - 80], rax
    ; ./test.go:30
    00ff  48 8b 45 b0                    mov rax, qword ptr [rbp - 80]
    0103  48 8b 4d b0                    mov rcx, qword ptr [rbp - 80]
    0107  48 83 f9 ff                    cmp rcx, -1
    010b  0f 85 08 00 00 00              jne .L6
    0111  48 f7 d8                       neg rax
    0114  e9 05 00 00 00                 jmp .L5
.L6:
    0119  48 99                          cqo
    011b  48 f7 f9                       idiv rcx
.L5:
    011e  48 89 45 a8                    mov qword ptr [rbp - 88], rax
    0122  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0126  48 8b 45 a8                    mov rax, qword ptr [rbp - 88]
    012a  48 89 01                       mov qword ptr [rcx], rax
    012d  48 89 ec                       mov rsp, rbp
    0130  5d                             pop rbp
    0131  c3                             ret
.L2:
    ; ./test.go:1
    0132  49 c7 c2 68 00 00 00           mov r10, 104
    0139  49 c7 c3 20 00 00 00           mov r11, 32
    0140  e8 00 00 00 00                 call g1c_morestack
    0145  e9 b6 fe ff ff                 jmp .L1

