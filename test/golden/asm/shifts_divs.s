TEXT main.ops (./test.go:1)  size=235 frame=0 args=32
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 f8                 lea rax, [rsp - 8]
    0005  64 48 3b 04 25 70 00 00 00     cmp rax, qword ptr fs:[112]
    000e  0f 82 bf 00 00 00              jb .L2
    0014  55                             push rbp
    0015  48 89 e5                       mov rbp, rsp
.L0:
    ; ./test.go:20
    0018  8b 5d 10                       mov ebx, dword ptr [rbp + 16]
    001b  44 8b 65 14                    mov r12d, dword ptr [rbp + 20]
    ; ./test.go:21
    001f  44 89 e1                       mov ecx, r12d
    0022  48 89 d8                       mov rax, rbx
    0025  48 d3 e0                       shl rax, cl
    0028  31 d2                          xor edx, edx
    002a  48 83 f9 20                    cmp rcx, 32
    002e  48 0f 43 c2                    cmovae rax, rdx
    0032  49 89 c5                       mov r13, rax
    0035  44 89 6d 18                    mov dword ptr [rbp + 24], r13d
    ; ./test.go:22
    0039  44 89 e1                       mov ecx, r12d
    003c  48 63 c3                       movsxd rax, ebx
    003f  ba 3f 00 00 00                 mov edx, 63
    0044  48 83 f9 3f                    cmp rcx, 63
    0048  48 0f 47 ca                    cmova rcx, rdx
    004c  48 d3 f8                       sar rax, cl
    004f  49 89 c5                       mov r13, rax
    0052  44 89 6d 1c                    mov dword ptr [rbp + 28], r13d
    ; ./test.go:23
    0056  44 89 e1                       mov ecx, r12d
    0059  89 d8                          mov eax, ebx
    005b  48 d3 e8                       shr rax, cl
    005e  31 d2                          xor edx, edx
    0060  48 83 f9 20                    cmp rcx, 32
    0064  48 0f 43 c2                    cmovae rax, rdx
    0068  49 89 c5                       mov r13, rax
    006b  44 89 6d 20                    mov dword ptr [rbp + 32], r13d
    ; ./test.go:24
    006f  48 63 c3                       movsxd rax, ebx
    0072  49 63 cc                       movsxd rcx, r12d
    0075  48 99                          cqo
    0077  48 f7 f9                       idiv rcx
.L3:
    007a  49 89 c5                       mov r13, rax
    007d  44 89 6d 24                    mov dword ptr [rbp + 36], r13d
    ; ./test.go:25
    0081  48 63 c3                       movsxd rax, ebx
    0084  49 63 cc                       movsxd rcx, r12d
    0087  48 99                          cqo
    0089  48 f7 f9                       idiv rcx
    008c  48 89 d0                       mov rax, rdx
.L4:
    008f  49 89 c5                       mov r13, rax
    0092  44 89 6d 28                    mov dword ptr [rbp + 40], r13d
    ; ./test.go:26
    0096  89 d8                          mov eax, ebx
    0098  44 89 e1                       mov ecx, r12d
    009b  31 d2                          xor edx, edx
    009d  48 f7 f1                       div rcx
    00a0  49 89 c4                       mov r12, rax
    00a3  44 89 65 2c                    mov dword ptr [rbp + 44], r12d
    00a7  48 63 db                       movsxd rbx, ebx
    ; ./test.go:30
    00aa  48 89 d8                       mov rax, rbx
    00ad  48 89 d9                       mov rcx, rbx
    00b0  48 83 f9 ff                    cmp rcx, -1
    00b4  0f 85 08 00 00 00              jne .L6
    00ba  48 f7 d8                       neg rax
    00bd  e9 05 00 00 00                 jmp .L5
.L6:
    00c2  48 99                          cqo
    00c4  48 f7 f9                       idiv rcx
.L5:
    00c7  48 89 c3                       mov rbx, rax
    00ca  48 89 5d 10                    mov qword ptr [rbp + 16], rbx
    00ce  48 89 ec                       mov rsp, rbp
    00d1  5d                             pop rbp
    00d2  c3                             ret
.L2:
    ; ./test.go:1
    00d3  49 c7 c2 08 00 00 00           mov r10, 8
    00da  49 c7 c3 20 00 00 00           mov r11, 32
    00e1  e8 00 00 00 00                 call g1c_morestack
    00e6  e9 15 ff ff ff                 jmp .L1

