TEXT main.main (./test.go:1)  size=103 frame=32 args=0
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 d8                 lea rax, [rsp - 40]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 3d 00 00 00              jb .L2
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
    0016  48 83 ec 20                    sub rsp, 32
.L0:
    ; ./test.go:8
    001a  48 8d 1d 00 00 00 00           lea rbx, [rip + main.main.func1·f]
    0021  4c 8d 24 24                    lea r12, [rsp]
    0025  49 c7 c5 05 00 00 00           mov r13, 5
    002c  4d 89 2c 24                    mov qword ptr [r12], r13
    0030  4c 89 65 f8                    mov qword ptr [rbp - 8], r12
    0034  48 89 da                       mov rdx, rbx
    0037  ff 12                          call qword ptr [rdx]
    0039  4c 8b 65 f8                    mov r12, qword ptr [rbp - 8]
    003d  49 8b 5c 24 08                 mov rbx, qword ptr [r12 + 8]
    0042  48 89 df                       mov rdi, rbx
    0045  e8 00 00 00 00                 call test_record
    004a  48 89 ec                       mov rsp, rbp
    004d  5d                             pop rbp
    004e  c3                             ret
.L2:
    ; ./test.go:1
    004f  49 c7 c2 28 00 00 00           mov r10, 40
    0056  49 c7 c3 00 00 00 00           mov r11, 0
    005d  e8 00 00 00 00                 call g1c_morestack
    0062  e9 99 ff ff ff                 jmp .L1

TEXT main.main.func1 (./test.go:1)  size=92 frame=16 args=16
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 32 00 00 00              jb .L2
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
    0016  48 83 ec 10                    sub rsp, 16
    001a  48 89 55 f8                    mov qword ptr [rbp - 8], rdx
.L0:
    ; ./test.go:5
    001e  48 8b 45 f8                    mov rax, qword ptr [rbp - 8]
    0022  48 89 c3                       mov rbx, rax
    0025  48 8b 5b 08                    mov rbx, qword ptr [rbx + 8]
    0029  4c 8d 65 10                    lea r12, [rbp + 16]
    002d  4d 8b 2c 24                    mov r13, qword ptr [r12]
    0031  4c 89 e8                       mov rax, r13
    0034  48 01 d8                       add rax, rbx
    0037  48 89 c3                       mov rbx, rax
    003a  49 89 5c 24 08                 mov qword ptr [r12 + 8], rbx
    003f  48 89 ec                       mov rsp, rbp
    0042  5d                             pop rbp
    0043  c3                             ret
.L2:
    ; ./test.go:1
    0044  49 c7 c2 18 00 00 00           mov r10, 24
    004b  49 c7 c3 10 00 00 00           mov r11, 16
    0052  e8 00 00 00 00                 call g1c_morestack
    0057  e9 a4 ff ff ff                 jmp .L1

RODATA main.main.func1·f  size=16 align=8
    +0: &main.main.func1+0
