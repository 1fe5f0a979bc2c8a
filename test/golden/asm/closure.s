TEXT main.main (./test.go:1)  size=81 frame=48 args=0
    ; ./test.go:1
    0000  55                             push rbp
    0001  48 89 e5                       mov rbp, rsp
    0004  48 83 ec 30                    sub rsp, 48
.L0:
    ; ./test.go:8
    0008  48 8d 05 00 00 00 00           lea rax, [rip + main.main.func1·f]
    000f  48 89 45 f8                    mov qword ptr [rbp - 8], rax
    0013  48 8d 04 24                    lea rax, [rsp]
    0017  48 89 45 f0                    mov qword ptr [rbp - 16], rax
    001b  48 c7 c0 05 00 00 00           mov rax, 5
    0022  48 89 45 e8                    mov qword ptr [rbp - 24], rax
    0026  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    002a  48 8b 45 e8                    mov rax, qword ptr [rbp - 24]
    002e  48 89 01                       mov qword ptr [rcx], rax
    0031  48 8b 55 f8                    mov rdx, qword ptr [rbp - 8]
    0035  ff 12                          call qword ptr [rdx]
    0037  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    003b  48 8b 41 08                    mov rax, qword ptr [rcx + 8]
    003f  48 89 45 e0                    mov qword ptr [rbp - 32], rax
    0043  48 8b 7d e0                    mov rdi, qword ptr [rbp - 32]
    0047  e8 00 00 00 00                 call test_record
    004c  48 89 ec                       mov rsp, rbp
    004f  5d                             pop rbp
    0050  c3                             ret

TEXT main.main.func1 (./test.go:1)  size=83 frame=48 args=16
    ; ./test.go:1
    0000  55                             push rbp
    0001  48 89 e5                       mov rbp, rsp
    0004  48 83 ec 30                    sub rsp, 48
    0008  48 89 55 f8                    mov qword ptr [rbp - 8], rdx
.L0:
    ; ./test.go:5
    000c  48 8b 45 f8                    mov rax, qword ptr [rbp - 8]
    0010  48 89 45 f0                    mov qword ptr [rbp - 16], rax
    0014  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    0018  48 8b 41 08                    mov rax, qword ptr [rcx + 8]
    001c  48 89 45 e8                    mov qword ptr [rbp - 24], rax
    0020  48 8d 45 10                    lea rax, [rbp + 16]
    0024  48 89 45 e0                    mov qword ptr [rbp - 32], rax
    0028  48 8b 4d e0                    mov rcx, qword ptr [rbp - 32]
    002c  48 8b 01                       mov rax, qword ptr [rcx]
    002f  48 89 45 d8                    mov qword ptr [rbp - 40], rax
    0033  48 8b 45 d8                    mov rax, qword ptr [rbp - 40]
    0037  48 8b 4d e8                    mov rcx, qword ptr [rbp - 24]
    003b  48 01 c8                       add rax, rcx
    003e  48 89 45 d0                    mov qword ptr [rbp - 48], rax
    0042  48 8b 4d e0                    mov rcx, qword ptr [rbp - 32]
    0046  48 8b 45 d0                    mov rax, qword ptr [rbp - 48]
    004a  48 89 41 08                    mov qword ptr [rcx + 8], rax
    004e  48 89 ec                       mov rsp, rbp
    0051  5d                             pop rbp
    0052  c3                             ret

RODATA main.main.func1·f  size=16 align=8
    +0: &main.main.func1+0
