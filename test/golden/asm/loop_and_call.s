TEXT main.main (./test.go:1)  size=141 frame=80 args=0
    ; ./test.go:1
    0000  55                             push rbp
    0001  48 89 e5                       mov rbp, rsp
    0004  48 83 ec 50                    sub rsp, 80
.L0:
    ; ./test.go:10
    0008  48 8d 04 24                    lea rax, [rsp]
    000c  48 89 45 f8                    mov qword ptr [rbp - 8], rax
    0010  48 c7 c0 0a 00 00 00           mov rax, 10
    0017  48 89 45 f0                    mov qword ptr [rbp - 16], rax
    001b  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    001f  48 8b 45 f0                    mov rax, qword ptr [rbp - 16]
    0023  48 89 01                       mov qword ptr [rcx], rax
    0026  e8 00 00 00 00                 call main.sum
    002b  48 8d 44 24 08                 lea rax, [rsp + 8]
    0030  48 89 45 e8                    mov qword ptr [rbp - 24], rax
    0034  48 8b 4d e8                    mov rcx, qword ptr [rbp - 24]
    0038  48 8b 01                       mov rax, qword ptr [rcx]
    003b  48 89 45 e0                    mov qword ptr [rbp - 32], rax
    003f  48 8b 7d e0                    mov rdi, qword ptr [rbp - 32]
    0043  e8 00 00 00 00                 call test_record
    ; ./test.go:11
    0048  48 8d 04 24                    lea rax, [rsp]
    004c  48 89 45 d8                    mov qword ptr [rbp - 40], rax
    0050  48 c7 c0 fd ff ff ff           mov rax, -3
    0057  48 89 45 d0                    mov qword ptr [rbp - 48], rax
    005b  48 8b 4d d8                    mov rcx, qword ptr [rbp - 40]
    005f  48 8b 45 d0                    mov rax, qword ptr [rbp - 48]
    0063  48 89 01                       mov qword ptr [rcx], rax
    0066  e8 00 00 00 00                 call main.sum
    006b  48 8d 44 24 08                 lea rax, [rsp + 8]
    0070  48 89 45 c8                    mov qword ptr [rbp - 56], rax
    0074  48 8b 4d c8                    mov rcx, qword ptr [rbp - 56]
    0078  48 8b 01                       mov rax, qword ptr [rcx]
    007b  48 89 45 c0                    mov qword ptr [rbp - 64], rax
    007f  48 8b 7d c0                    mov rdi, qword ptr [rbp - 64]
    0083  e8 00 00 00 00                 call test_record
    0088  48 89 ec                       mov rsp, rbp
    008b  5d                             pop rbp
    008c  c3                             ret

TEXT main.sum (./test.go:1)  size=246 frame=128 args=16
    ; ./test.go:1
    0000  55                             push rbp
    0001  48 89 e5                       mov rbp, rsp
    0004  48 81 ec 80 00 00 00           sub rsp, 128
.L0:
    ; ./test.go:2
    000b  48 8d 45 88                    lea rax, [rbp - 120]
    000f  48 89 45 f8                    mov qword ptr [rbp - 8], rax
    0013  48 8d 45 80                    lea rax, [rbp - 128]
    0017  48 89 45 f0                    mov qword ptr [rbp - 16], rax
    001b  48 c7 c0 00 00 00 00           mov rax, 0
    0022  48 89 45 e8                    mov qword ptr [rbp - 24], rax
    0026  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    002a  48 8b 45 e8                    mov rax, qword ptr [rbp - 24]
    002e  48 89 01                       mov qword ptr [rcx], rax
    ; ./test.go:3
    0031  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0035  48 8b 45 e8                    mov rax, qword ptr [rbp - 24]
    0039  48 89 01                       mov qword ptr [rcx], rax
.L1:
    003c  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0040  48 8b 01                       mov rax, qword ptr [rcx]
    0043  48 89 45 e0                    mov qword ptr [rbp - 32], rax
    0047  48 8d 45 10                    lea rax, [rbp + 16]
    004b  48 89 45 d8                    mov qword ptr [rbp - 40], rax
    004f  48 8b 4d d8                    mov rcx, qword ptr [rbp - 40]
    0053  48 8b 01                       mov rax, qword ptr [rcx]
    0056  48 89 45 d0                    mov qword ptr [rbp - 48], rax
    005a  48 8b 45 e0                    mov rax, qword ptr [rbp - 32]
    005e  48 8b 4d d0                    mov rcx, qword ptr [rbp - 48]
    0062  48 39 c8                       cmp rax, rcx
    0065  0f 9c c0                       setl al
    0068  0f b6 c0                       movzx eax, al
    006b  48 89 45 c8                    mov qword ptr [rbp - 56], rax
    006f  80 7d c8 00                    cmp byte ptr [rbp - 56], 0
    0073  0f 84 5a 00 00 00              je .L3
.L2:
    ; ./test.go:4
    0079  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    007d  48 8b 01                       mov rax, qword ptr [rcx]
    0080  48 89 45 c0                    mov qword ptr [rbp - 64], rax
    0084  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    0088  48 8b 01                       mov rax, qword ptr [rcx]
    008b  48 89 45 b8                    mov qword ptr [rbp - 72], rax
    008f  48 8b 45 c0                    mov rax, qword ptr [rbp - 64]
    0093  48 8b 4d b8                    mov rcx, qword ptr [rbp - 72]
    0097  48 01 c8                       add rax, rcx
    009a  48 89 45 b0                    mov qword ptr [rbp - 80], rax
    009e  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    00a2  48 8b 45 b0                    mov rax, qword ptr [rbp - 80]
    00a6  48 89 01                       mov qword ptr [rcx], rax
    ; ./test.go:3
    00a9  48 c7 c0 01 00 00 00           mov rax, 1
    00b0  48 89 45 a8                    mov qword ptr [rbp - 88], rax
    00b4  48 8b 45 b8                    mov rax, qword ptr [rbp - 72]
    00b8  48 8b 4d a8                    mov rcx, qword ptr [rbp - 88]
    00bc  48 01 c8                       add rax, rcx
    00bf  48 89 45 a0                    mov qword ptr [rbp - 96], rax
    00c3  48 8b 4d f8                    mov rcx, qword ptr [rbp - 8]
    00c7  48 8b 45 a0                    mov rax, qword ptr [rbp - 96]
    00cb  48 89 01                       mov qword ptr [rcx], rax
    00ce  e9 69 ff ff ff                 jmp .L1
.L3:
    ; ./test.go:6
    00d3  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    00d7  48 8b 01                       mov rax, qword ptr [rcx]
    00da  48 89 45 98                    mov qword ptr [rbp - 104], rax
    00de  48 8d 45 18                    lea rax, [rbp + 24]
    00e2  48 89 45 90                    mov qword ptr [rbp - 112], rax
    00e6  48 8b 4d 90                    mov rcx, qword ptr [rbp - 112]
    00ea  48 8b 45 98                    mov rax, qword ptr [rbp - 104]
    00ee  48 89 01                       mov qword ptr [rcx], rax
    00f1  48 89 ec                       mov rsp, rbp
    00f4  5d                             pop rbp
    00f5  c3                             ret

